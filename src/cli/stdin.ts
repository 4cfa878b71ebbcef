// `-`: fix (or revert) one source read on stdin.
import { bareKeywordPolicy, reportForSource } from "../engine.js";
import { UserError, type Mode } from "../model.js";
import { LineStyles } from "../files/line-style.js";
import { fixBytes, revertBytes } from "../rewrite/fix-bytes.js";
import { colorDiff, diffPaths, unifiedDiff } from "../report/diff.js";
import { formatJsonReport } from "../report/json.js";
import { formatTextReport } from "../report/text.js";
import type { CliOptions } from "./options.js";
import { diffRootNote, exitCode, interrupted, printErrors } from "./output.js";
import type { Terminal } from "./terminal.js";

/**
 * `-`: source on stdin, and on stdout only the fixed source (or the diff with
 * --dry-run, nothing with --check); the report goes to stderr.
 */
export async function runStdin(paths: string[], mode: Mode, opts: CliOptions, signal: AbortSignal, term: Terminal): Promise<number> {
  if (paths.length > 1) throw new UserError("`-` (standard input) cannot be combined with other paths");
  const name = opts.stdinFilename ?? "stdin.py";
  const input = await readStdin(signal);
  // Interrupted before the output began: nothing on stdout at all.
  if (input === null || signal.aborted) return interrupted(null, signal.reason as string);
  const result = opts.revert ? revertBytes(input) : fixBytes(input, {
        path: name,
        all: opts.all,
        style: opts.style,
        bareKeyword: bareKeywordPolicy(null, Boolean(opts.guardBareKeyword)),
        overrideFullGraphFalse: opts.fixFullGraphFalse,
        // An editor names the file it pipes: its project's formatter config applies.
        lineStyle: () => (opts.stdinFilename && opts.wrap !== false ? new LineStyles().forFile(opts.stdinFilename) : null),
      });
  const pending = result.status === "changed";
  if (mode === "write") process.stdout.write(result.bytes);
  const diff = diffPaths(process.cwd(), [name]);
  if (mode === "dry-run" && pending) process.stdout.write(colorDiff(unifiedDiff(diff.of(name), result.before!, result.after!), term.colors("stdout")));
  const report = reportForSource(name, mode, result, Boolean(opts.revert));
  if (opts.json || opts.format === "json") process.stderr.write(`${formatJsonReport(report)}\n`);
  else if (opts.quiet) printErrors(report);
  else process.stderr.write(`${formatTextReport(report, term.color("stderr")).join("\n")}\n`);
  if (mode === "dry-run" && pending && !diff.fromCwd && !opts.quiet) process.stderr.write(`paddle-fullgraph-fix: ${diffRootNote(diff.root)}\n`);
  return exitCode(report, Boolean(opts.check));
}

/** All of stdin, or null when a signal came first. */
export async function readStdin(signal: AbortSignal): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  const aborted = new Promise<null>((resolve) => signal.addEventListener("abort", () => resolve(null), { once: true }));
  const read = (async () => {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  })();
  const input = await Promise.race([read, aborted]);
  if (input === null) process.stdin.destroy();
  return input;
}
