// What the commands print and the exit code they end with.
import { PENDING_REVIEW_CODES, type Report } from "../model.js";
import { formatGithubReport } from "../report/github.js";
import { formatJsonReport } from "../report/json.js";
import { formatTextReport } from "../report/text.js";
import { EXIT, SIGNAL_EXIT } from "./options.js";
import { plural } from "../report/words.js";
import { shellQuote } from "../report/doctor.js";
import { colorDiff } from "../report/diff.js";
import type { Terminal } from "./terminal.js";

/** One line on stderr for an interrupted run; the exit code is 128 + the signal number. */
export function interrupted(report: Report | null, signal: string): number {
  const done = report ? report.files.filter((f) => f.status === "changed").length : 0;
  const left = report?.interrupted?.notStarted ?? 0;
  const written = report?.mode === "write" ? `${plural(done, "file")} ${report.revert ? "reverted" : "changed"} (listed above)` : "nothing written";
  process.stderr.write(
    `paddle-fullgraph-fix: interrupted by ${signal}: ${written}; ${plural(left, "file")} not started; ` +
      "no file was left half-written\n",
  );
  return SIGNAL_EXIT[signal] ?? EXIT.error;
}

/**
 * -q/--quiet: what asked-for output remains (JSON, github annotations, the
 * dry-run diff) is printed; the text report is not, and in its place each
 * file that could not be handled gets one error line on stderr.
 */
export function print(report: Report, format: string, term: Terminal, extra: Record<string, unknown> = {}, quiet = false): void {
  if (format === "json") {
    process.stdout.write(`${formatJsonReport(report, extra)}\n`);
    return;
  }
  if (format === "github") {
    const lines = formatGithubReport(report);
    if (lines.length) process.stdout.write(`${lines.join("\n")}\n`);
    if (!quiet) process.stdout.write(`${formatTextReport({ ...report, environment: undefined, files: [] }, false).join("\n")}\n`);
    return;
  }
  // In dry-run the diff owns stdout, so the report goes to stderr.
  const reportTo = report.mode === "dry-run" ? "stderr" : "stdout";
  if (report.mode === "dry-run") for (const file of report.files) if (file.diff) process.stdout.write(colorDiff(file.diff, term.colors("stdout")));
  if (quiet) printErrors(report);
  else process[reportTo].write(`${formatTextReport(report, term.color(reportTo)).join("\n")}\n`);
  if (!quiet && report.diffRoot && report.files.some((f) => f.diff)) process.stderr.write(`paddle-fullgraph-fix: ${diffRootNote(report.diffRoot)}\n`);
}

/** Where to apply a diff whose paths are not relative to the current folder. */
export function diffRootNote(root: string): string {
  const where = shellQuote(root);
  return (
    `the diff's paths are relative to ${root}, not to the current folder: some files lie outside it, and git apply and patch refuse paths with ../; ` +
    `apply it from there: git -C ${where} apply FILE, or patch -d ${where} -p1 < FILE`
  );
}

/** One stderr line per file that could not be handled: all -q leaves of the text report. */
export function printErrors(report: Report): void {
  for (const file of report.files) {
    if (file.status === "error") process.stderr.write(`paddle-fullgraph-fix: ${file.path}: ${file.reason ?? "error"}\n`);
  }
}

export function exitCode(report: Report, check: boolean): number {
  if (report.summary.errors) return EXIT.error;
  const pending = report.revert ? report.summary.changed : report.summary.fixed;
  const raises = !report.revert && report.files.some((f) => f.sites.some((s) => PENDING_REVIEW_CODES.has(s.code)));
  if (check && (pending || raises)) return EXIT.pending;
  return EXIT.ok;
}

/**
 * The tool as the user called it, for commands the report suggests: npx
 * (npm sets npm_command=exec for it) or the installed bin.
 */
export function invokedCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_command === "exec" ? "npx paddle-fullgraph-fix" : "paddle-fullgraph-fix";
}
