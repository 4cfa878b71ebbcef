// `doctor [root]`: one screen about a checkout.
import { stat } from "node:fs/promises";
import path from "node:path";
import { detectEnvironment } from "../detect/index.js";
import { doctorReport, doctorSummary, shellQuote } from "../report/doctor.js";
import { fixPaths } from "../engine.js";
import { MissingPathError } from "../files/walk.js";
import { formatJsonReport } from "../report/json.js";
import { progressLine } from "./progress.js";
import { terminal } from "./terminal.js";
import { invokedCommand } from "./output.js";
import { excludeWarnings, noIgnore, warnStaleVariables, type DoctorCliOptions } from "./options.js";

/** `doctor [root]`: one screen about this checkout; exit 1 when something needs doing. */
export async function runDoctor(root: string, opts: DoctorCliOptions): Promise<number> {
  // --installed: the interpreter's toolkit folders, not a checkout (a root given with it is refused before this).
  const installed = opts.installed ? await (await import("./installed.js")).installedTarget(opts) : null;
  const paths = installed ? installed.folders : [root];
  if (!installed) {
    const rootStat = await stat(root).catch(() => null);
    if (!rootStat?.isDirectory()) throw new MissingPathError(`${root}: no such directory`);
  }
  for (const warning of await excludeWarnings(paths, opts.exclude)) process.stderr.write(`paddle-fullgraph-fix: ${warning}\n`);
  const environment = installed
    ? installed.environment
    : opts.detect
      ? await detectEnvironment({ root: path.resolve(root), python: opts.python, paddleVersion: opts.paddleVersion })
      : null;
  warnStaleVariables(environment);
  const walk = { exclude: opts.exclude, noIgnore: noIgnore(opts) };
  const term = terminal({ json: opts.json });
  const progress = progressLine(term.progress, term.progressAfterMs);
  const checked = await fixPaths(paths, { mode: "check", ...walk, environment, onProgress: term.progress ? progress.update : undefined }).finally(progress.stop);
  const report = installed ? { ...checked, installed: installed.installed } : checked;
  const flags = [...opts.exclude.flatMap((g) => ["--exclude", shellQuote(g)]), ...(walk.noIgnore ? ["--no-ignore"] : [])];
  const command = [invokedCommand(), ...flags].join(" ");
  const target = installed ? `--installed --python ${shellQuote(installed.installed.python)}` : undefined;
  const summary = doctorSummary(environment, report, { root, command, target });
  if (opts.json) {
    const { status, exitCode: code, fixCommand } = summary;
    process.stdout.write(`${formatJsonReport(report, { doctor: { status, exitCode: code, fixCommand } })}\n`);
  } else {
    process.stdout.write(`${doctorReport(environment, report, { root, command, target }).join("\n")}\n`);
  }
  return summary.exitCode;
}
