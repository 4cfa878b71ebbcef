#!/usr/bin/env node
// The command line: parses options, calls the library, maps the outcome to
// output and an exit code. No logic of its own.
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { detectEnvironment, DetectUsageError, supportsFullGraphKeyword, type Environment } from "./detect/index.js";
import { fixPaths, reportForSource, type Mode, type Report } from "./engine.js";
import { fixBytes, revertBytes } from "./fix-bytes.js";
import { unifiedDiff } from "./report/diff.js";
import { formatGithubReport } from "./report/github.js";
import { MissingPathError } from "./files.js";
import { formatJsonReport } from "./report/json.js";
import { formatTextReport } from "./report/text.js";
import { doctorReport, doctorSummary, shellQuote } from "./doctor.js";
import { formatTracebackPlan, planFromTracebackText, tracebackExitCode } from "./traceback/index.js";

export const EXIT = { ok: 0, pending: 1, error: 2 } as const;
/** Interrupted runs exit 128 + the signal number, as shells do. */
export const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

interface CliOptions {
  dryRun?: boolean;
  check?: boolean;
  revert?: boolean;
  all?: boolean;
  exclude: string[];
  forceExclude?: boolean;
  json?: boolean;
  format: "text" | "json" | "github";
  stdinFilename?: string;
  color: boolean;
  style: "guarded" | "plain";
  paddleVersion?: string;
  python?: string;
  detect: boolean;
  fromTraceback?: string;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.version;
}

function program(): Command {
  return new Command("paddle-fullgraph-fix")
    .description("Add a version-guarded full_graph=True to paddle.jit.to_static export calls (Paddle 2.6+ export fix).")
    .argument("[paths...]", "files or directories to fix (default: .); - reads source on stdin")
    .option("--dry-run", "print a unified diff of the fixes; write nothing")
    .option("--check", "write nothing; exit 1 when a fix is pending")
    .option("--revert", "remove what this tool added (guard block and keywords), restoring the original bytes; with --dry-run show the diff, with --check exit 1 if anything would be reverted")
    .option("--all", "also fix sites outside export paths (training-time conversions)")
    .option("--exclude <glob>", "skip paths matching GLOB (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--force-exclude", "apply --exclude to files named explicitly too")
    .addOption(new Option("--format <format>", "report format").choices(["text", "json", "github"]).default("text"))
    .option("--json", "print the report as JSON on stdout (same as --format json)")
    .option("--stdin-filename <path>", "with `-`: the path the source on stdin stands for")
    .option("--no-color", "never colour the output (NO_COLOR is respected too)")
    .addOption(
      new Option("--style <style>", "guarded: through a version guard; plain: a bare full_graph=True (Paddle 2.5+ only)")
        .choices(["guarded", "plain"])
        .default("guarded"),
    )
    .option("--paddle-version <version>", "the Paddle release the export will run with (skips detection)")
    .option("--python <path>", "read the installed Paddle from this interpreter")
    .option("--no-detect", "skip reading the installed Paddle and the checkout's version")
    .option("--from-traceback <file>", "fix the to_static calls behind a pasted traceback's full_graph RuntimeError (- reads stdin); the path argument is the checkout root")
    .addHelpText("after", "\nSubcommand:\n  doctor [root]  one screen: installed Paddle and toolkit, whether the export fails, unfixed sites, the command that fixes them")
    .version(packageVersion(), "-V, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

function useColor(stream: NodeJS.WriteStream, flag: boolean): boolean {
  if (!flag || "NO_COLOR" in process.env) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}

class UsageError extends Error {}

/** The checkout is the first directory given (files alone: the current folder). */
async function detect(paths: string[], opts: CliOptions): Promise<Environment> {
  const dirs = await Promise.all(paths.map((p) => stat(p).then((s) => (s.isDirectory() ? p : null), () => null)));
  const root = path.resolve(dirs.find((d) => d !== null) ?? ".");
  return detectEnvironment({ root, paddleVersion: opts.paddleVersion, python: opts.python });
}

/** A bare full_graph=True is a TypeError on Paddle 2.3/2.4: only allowed where it is known to be accepted. */
function refusePlainUnlessSupported(environment: Environment | null): void {
  const paddle = environment?.paddle ?? null;
  if (supportsFullGraphKeyword(paddle)) return;
  const why = paddle
    ? `Paddle ${paddle.raw} is not known to accept it (2.3/2.4 raise TypeError)`
    : "no Paddle was detected to show it is 2.5 or newer (2.3/2.4 raise TypeError)";
  throw new UsageError(
    `--style plain writes a bare full_graph=True, and ${why}; ` +
      "use the default --style guarded, or name a 2.5+ release with --paddle-version"
  );
}

export async function main(argv: string[]): Promise<number> {
  if (argv[2] === "doctor") return runDoctor(argv.slice(3));
  const cmd = program();
  try {
    cmd.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every usage error is 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    throw error;
  }
  const opts = cmd.opts<CliOptions>();
  const paths = cmd.args.length ? cmd.args : ["."];
  const mode: Mode = opts.dryRun ? "dry-run" : opts.check ? "check" : "write";
  const format = opts.json ? "json" : opts.format;
  // SIGINT/SIGTERM: stop starting files, let the one being written finish,
  // report what was done, exit 128 + signal number.
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (opts.fromTraceback !== undefined) return await runFromTraceback(paths, mode, format, opts, controller.signal);
    if (paths.includes("-")) return await runStdin(paths, mode, opts, controller.signal);
    // Reverting needs no Paddle: it only removes what the tool wrote.
    const wantsDetect = !opts.revert && (opts.detect || opts.paddleVersion || opts.python);
    const environment = wantsDetect ? await detect(paths, opts) : undefined;
    if (opts.style === "plain" && !opts.revert) refusePlainUnlessSupported(environment ?? null);
    const report = await fixPaths(paths, {
      mode,
      revert: opts.revert,
      all: opts.all,
      style: opts.style,
      exclude: opts.exclude,
      forceExclude: opts.forceExclude,
      environment,
      signal: controller.signal,
    });
    print(report, format, opts.color);
    if (controller.signal.aborted) return interrupted(report, controller.signal.reason as string);
    if (report.summary.errors) {
      const n = report.summary.errors;
      process.stderr.write(`paddle-fullgraph-fix: completed with errors (${n} file${n === 1 ? "" : "s"} could not be handled; see above)\n`);
    }
    return exitCode(report, Boolean(opts.check));
  } catch (error) {
    if (error instanceof MissingPathError || error instanceof DetectUsageError || error instanceof UsageError) {
      process.stderr.write(`paddle-fullgraph-fix: ${error.message}\n`);
      return EXIT.error;
    }
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/**
 * --from-traceback: plan from the traceback (which calls produced the object
 * whose program was read), then fix exactly those calls, whatever their class.
 */
async function runFromTraceback(paths: string[], mode: Mode, format: string, opts: CliOptions, signal: AbortSignal): Promise<number> {
  if (opts.revert) throw new UsageError("--from-traceback and --revert cannot be combined");
  if (paths.length > 1 || paths[0] === "-") throw new UsageError("--from-traceback takes one checkout root (default .)");
  const root = paths[0];
  const rootStat = await stat(root).catch(() => null);
  if (!rootStat?.isDirectory()) throw new MissingPathError(`${root}: no such directory`);
  const text = opts.fromTraceback === "-" ? await readStdin(signal) : await readFile(opts.fromTraceback!).catch(() => null);
  if (text === null) throw new MissingPathError(`${opts.fromTraceback}: cannot read the traceback`);
  const plan = await planFromTracebackText(text.toString("utf8"), root);
  process.stderr.write(`${formatTracebackPlan(plan).join("\n")}\n`);
  const traceback = {
    status: plan.status,
    attribute: plan.attribute,
    failing: plan.failing && { path: plan.failing.relPath, line: plan.failing.line, function: plan.failing.frame.function },
    sites: plan.sites.map(({ relPath, line, column, callee, reason, state }) => ({ path: relPath, line, column, callee, reason, state })),
    messages: plan.messages,
  };
  if (tracebackExitCode(plan) === EXIT.error) {
    if (format === "json") process.stdout.write(`${JSON.stringify({ version: 1, mode, traceback, files: [] }, null, 2)}\n`);
    return EXIT.error;
  }
  const wantsDetect = opts.detect || opts.paddleVersion || opts.python;
  const environment = wantsDetect ? await detect([root], opts) : undefined;
  if (opts.style === "plain") refusePlainUnlessSupported(environment ?? null);
  const report = await fixPaths([...plan.force.keys()], {
    mode,
    all: opts.all,
    style: opts.style,
    environment,
    signal,
    force: plan.force,
  });
  print(report, format, opts.color, { traceback });
  if (signal.aborted) return interrupted(report, signal.reason as string);
  return exitCode(report, Boolean(opts.check));
}

interface DoctorCliOptions {
  python?: string;
  paddleVersion?: string;
  detect: boolean;
  exclude: string[];
  json?: boolean;
}

/** `doctor [root]`: one screen about this checkout; exit 1 when something needs doing. */
async function runDoctor(args: string[]): Promise<number> {
  const cmd = new Command("paddle-fullgraph-fix doctor")
    .description("Which Paddle and toolkit are installed, whether the export will hit the full_graph error, which sites are unfixed, and the command that fixes them.")
    .argument("[root]", "the checkout", ".")
    .option("--python <path>", "read the installed Paddle from this interpreter")
    .option("--paddle-version <version>", "the Paddle release the export will run with")
    .option("--no-detect", "skip reading the installed Paddle")
    .option("--exclude <glob>", "skip paths matching GLOB (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
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

/** One line on stderr for an interrupted run; the exit code is 128 + the signal number. */
function interrupted(report: Report | null, signal: string): number {
  const done = report ? report.files.filter((f) => f.status === "changed").length : 0;
  const left = report?.interrupted?.notStarted ?? 0;
  const written = report?.mode === "write" ? `${done} file${done === 1 ? "" : "s"} ${report.revert ? "reverted" : "changed"} (listed above)` : "nothing written";
  process.stderr.write(
    `paddle-fullgraph-fix: interrupted by ${signal}: ${written}; ${left} file${left === 1 ? "" : "s"} not started; ` +
      "no file was left half-written\n",
  );
  return SIGNAL_EXIT[signal] ?? EXIT.error;
}

function print(report: Report, format: string, color: boolean, extra: Record<string, unknown> = {}): void {
  if (format === "json") {
    process.stdout.write(`${formatJsonReport(report, extra)}\n`);
    return;
  }
  if (format === "github") {
    const lines = formatGithubReport(report);
    if (lines.length) process.stdout.write(`${lines.join("\n")}\n`);
    process.stdout.write(`${formatTextReport({ ...report, environment: undefined, files: [] }, false).join("\n")}\n`);
    return;
  }
  // In dry-run the diff owns stdout, so the report goes to stderr.
  const reportStream = report.mode === "dry-run" ? process.stderr : process.stdout;
  if (report.mode === "dry-run") for (const file of report.files) if (file.diff) process.stdout.write(file.diff);
  reportStream.write(`${formatTextReport(report, useColor(reportStream, color)).join("\n")}\n`);
}

function exitCode(report: Report, check: boolean): number {
  if (report.summary.errors) return EXIT.error;
  const pending = report.revert ? report.summary.changed : report.summary.fixed;
  if (check && pending) return EXIT.pending;
  return EXIT.ok;
}

/**
 * `-`: source on stdin, and on stdout only the fixed source (or the diff with
 * --dry-run, nothing with --check); the report goes to stderr.
 */
async function runStdin(paths: string[], mode: Mode, opts: CliOptions, signal: AbortSignal): Promise<number> {
  if (paths.length > 1) throw new UsageError("`-` (standard input) cannot be combined with other paths");
  const name = opts.stdinFilename ?? "stdin.py";
  const input = await readStdin(signal);
  // Interrupted before the output began: nothing on stdout at all.
  if (input === null || signal.aborted) return interrupted(null, signal.reason as string);
  const result = opts.revert ? revertBytes(input) : fixBytes(input, { path: name, all: opts.all, style: opts.style });
  const pending = result.status === "changed";
  if (mode === "write") process.stdout.write(result.bytes);
  else if (mode === "dry-run" && pending) process.stdout.write(unifiedDiff(name, result.before!, result.after!));
  const report = reportForSource(name, mode, result, Boolean(opts.revert));
  if (opts.json || opts.format === "json") process.stderr.write(`${formatJsonReport(report)}\n`);
  else process.stderr.write(`${formatTextReport(report, useColor(process.stderr, opts.color)).join("\n")}\n`);
  return exitCode(report, Boolean(opts.check));
}

/** All of stdin, or null when a signal came first. */
async function readStdin(signal: AbortSignal): Promise<Buffer | null> {
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

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`paddle-fullgraph-fix: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.error;
  },
);
