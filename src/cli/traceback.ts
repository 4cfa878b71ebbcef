// --from-traceback: fix the calls a pasted traceback leads to.
import { readFile, stat } from "node:fs/promises";
import { fixPaths } from "../engine.js";
import type { Mode } from "../model.js";
import { MissingPathError } from "../files/walk.js";
import { formatTracebackPlan, planFromTracebackText, tracebackExitCode } from "../traceback/index.js";
import { detect, EXIT, refusePlainUnlessSupported, type CliOptions } from "./options.js";
import { exitCode, interrupted, print } from "./output.js";
import { readStdin } from "./stdin.js";
import type { Terminal } from "./terminal.js";
import { UserError } from "../model.js";
import { toolInfo } from "../files/package-root.js";

/**
 * --from-traceback: plan from the traceback (which calls produced the object
 * whose program was read), then fix exactly those calls, whatever their class.
 */
export async function runFromTraceback(paths: string[], mode: Mode, format: string, opts: CliOptions, signal: AbortSignal, term: Terminal): Promise<number> {
  if (opts.revert) throw new UserError("--from-traceback and --revert cannot be combined");
  if (paths.length > 1 || paths[0] === "-") throw new UserError("--from-traceback takes one checkout root (default .)");
  const root = paths[0];
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new MissingPathError(`${root}: no such directory`);
  const text = opts.fromTraceback === "-" ? await readStdin(signal) : await readFile(opts.fromTraceback!).catch(() => null);
  if (text === null) throw new MissingPathError(`${opts.fromTraceback}: cannot read the traceback`);
  const plan = await planFromTracebackText(text.toString("utf8"), root);
  const failed = tracebackExitCode(plan) === EXIT.error;
  // -q keeps the plan only where it explains the failure.
  if (!opts.quiet || failed) process.stderr.write(`${formatTracebackPlan(plan).join("\n")}\n`);
  const traceback = {
    status: plan.status,
    attribute: plan.attribute,
    failing: plan.failing && { path: plan.failing.relPath, line: plan.failing.line, function: plan.failing.frame.function },
    sites: plan.sites.map(({ relPath, line, column, callee, reason, state }) => ({ path: relPath, line, column, callee, reason, state })),
    messages: plan.messages,
  };
  if (failed) {
    if (format === "json") process.stdout.write(`${JSON.stringify({ version: 1, tool: toolInfo(), mode, traceback, files: [] }, null, 2)}\n`);
    return EXIT.error;
  }
  const environment = opts.detect ? await detect([root], opts) : undefined;
  if (opts.style === "plain") refusePlainUnlessSupported(environment ?? null);
  const report = await fixPaths([...plan.force.keys()], {
    mode,
    all: opts.all,
    style: opts.style,
    environment,
    guardBareKeywords: opts.guardBareKeyword,
    fixFullGraphFalse: opts.fixFullGraphFalse,
    wrap: opts.wrap,
    signal,
    force: plan.force,
  });
  print(report, format, term, { traceback }, opts.quiet);
  if (signal.aborted) return interrupted(report, signal.reason as string);
  return exitCode(report, Boolean(opts.check));
}
