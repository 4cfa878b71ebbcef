// `doctor [root]`: one screen about a checkout.
import { stat } from "node:fs/promises";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { detectEnvironment, DetectUsageError } from "../detect/index.js";
import { doctorReport, doctorSummary, shellQuote } from "../report/doctor.js";
import { fixPaths } from "../engine.js";
import { MissingPathError } from "../files/walk.js";
import { formatJsonReport } from "../report/json.js";
import { detectionOptions, EXIT, excludeOptions } from "./options.js";

interface DoctorCliOptions {
  python?: string;
  paddleVersion?: string;
  detect: boolean;
  exclude: string[];
  json?: boolean;
}

/** `doctor [root]`: one screen about this checkout; exit 1 when something needs doing. */
export async function runDoctor(args: string[]): Promise<number> {
  const cmd = detectionOptions(excludeOptions(new Command("paddle-fullgraph-fix doctor")))
    .description("Which Paddle and toolkit are installed, whether the export will hit the full_graph error, which sites are unfixed, and the command that fixes them.")
    .argument("[root]", "the checkout", ".")
    .option("--json", "print the diagnosis as JSON")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    cmd.parse(args, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    throw error;
  }
  const opts = cmd.opts<DoctorCliOptions>();
  const root = cmd.args[0] ?? ".";
  try {
    const rootStat = await stat(root).catch(() => null);
    if (!rootStat?.isDirectory()) throw new MissingPathError(`${root}: no such directory`);
    const environment = opts.detect || opts.paddleVersion || opts.python
      ? await detectEnvironment({ root: path.resolve(root), python: opts.python, paddleVersion: opts.paddleVersion })
      : null;
    const report = await fixPaths([root], { mode: "check", exclude: opts.exclude, environment });
    const command = ["npx paddle-fullgraph-fix", ...opts.exclude.flatMap((g) => ["--exclude", shellQuote(g)])].join(" ");
    const summary = doctorSummary(environment, report, { root, command });
    if (opts.json) {
      const { status, exitCode: code, fixCommand } = summary;
      process.stdout.write(`${formatJsonReport(report, { doctor: { status, exitCode: code, fixCommand } })}\n`);
    } else {
      process.stdout.write(`${doctorReport(environment, report, { root, command }).join("\n")}\n`);
    }
    return summary.exitCode;
  } catch (error) {
    if (error instanceof MissingPathError || error instanceof DetectUsageError) {
      process.stderr.write(`paddle-fullgraph-fix: ${error.message}\n`);
      return EXIT.error;
    }
    throw error;
  }
}
