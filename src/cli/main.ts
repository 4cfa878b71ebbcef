// The command line: parses options, calls the library, maps the outcome to
// output and an exit code. No logic of its own; each command has its module
// here, loaded when it is used. Usage problems are UserErrors, turned into
// one line and exit 2 in one place (run, below).
import { Command, CommanderError, Option } from "commander";
import { fixPaths } from "../engine.js";
import type { Mode } from "../model.js";
import { packageRoot, packageVersion } from "../files/package-root.js";
import path from "node:path";
import { detect, detectionOptions, EXIT, excludeWarnings, noIgnore, refuseContradictions, refuseOptionsBefore, refusePlainUnlessSupported, type CliOptions, type DoctorCliOptions, walkOptions } from "./options.js";
import { exitCode, interrupted, invokedCommand, print } from "./output.js";
import { plural } from "../report/words.js";
import { emptyRunHints } from "../report/hints.js";
import { stat } from "node:fs/promises";
import { terminal } from "./terminal.js";
import { progressLine } from "./progress.js";
import { setImmediate as turn } from "node:timers/promises";

/** The README that ships in the package: the full reference, wherever it is installed. */
const readme = () => path.join(packageRoot(), "README.md");

const mainHelp = () => `
Examples:
  paddle-fullgraph-fix --diff ./PaddleDetection    show the fix as a diff; write nothing
  paddle-fullgraph-fix ./PaddleDetection           fix in place
  paddle-fullgraph-fix --check .                   CI gate: exit 1 while a fix is pending
  paddle-fullgraph-fix --revert .                  remove what this tool added
  paddle-fullgraph-fix - < export.py > fixed.py    fix one source on stdin
  paddle-fullgraph-fix doctor                      one screen: Paddle, toolkit, unfixed sites

Exit codes:
  0    done, or nothing to do (also --dry-run/--diff)
  1    --check found pending fixes, or a full_graph=False call reads the program
  2    bad usage, a fatal error, or some files could not be handled
  130  interrupted (SIGINT; 143 for SIGTERM)

More: the README, ${readme()}
`;

const doctorHelp = () => `
Examples:
  paddle-fullgraph-fix doctor                      this checkout, Paddle read from the active Python
  paddle-fullgraph-fix doctor --paddle-version 3.0 ./PaddleDetection

Exit codes:
  0    clean: nothing needs doing
  1    something needs doing (the screen says what, and the command that does it)
  2    bad usage or a missing root

More: the README's section doctor, ${readme()}
`;

/**
 * Commander's own usage errors ("error: unknown option '--x'" and its "(Did
 * you mean ...?)" line), as one line that starts with the tool's name like
 * every other error line.
 */
function parserError(text: string): string {
  const line = text.trim().replace(/^error: /, "").replace(/\s*\n\((Did you mean .*)\)$/s, (_m, hint: string) => ` (${hint[0].toLowerCase()}${hint.slice(1)})`);
  return `${line.split("\n").map((l) => `paddle-fullgraph-fix: ${l}`).join("\n")}\n`;
}

/** The parser; each command's action sets the exit code through `done`. */
function program(done: (code: Promise<number>) => void): Command {
  const cmd = new Command("paddle-fullgraph-fix")
    .description("Add a version-guarded full_graph=True to paddle.jit.to_static export calls (Paddle 2.6+ export fix).")
    .argument("[paths...]", "files or directories to fix (default: .); - reads source on stdin")
    .option("--dry-run", "print a unified diff of the fixes; write nothing")
    .addOption(new Option("--diff", "same as --dry-run (ruff's and black's name)").implies({ dryRun: true }))
    .option("--check", "write nothing; exit 1 when a fix is pending")
    .option("--revert", "remove what this tool added (guard block, keywords, re-wrapping): right after a fix, the original bytes; the report names a file where a later edit prevents that. With --dry-run show the diff, with --check exit 1 if anything would be reverted")
    .option("--all", "also fix sites outside export paths (training-time conversions)")
    .option("--force-exclude", "apply --exclude to the files and folders named on the command line too")
    .addOption(new Option("--format <format>", "report format").choices(["text", "json", "github"]).default("text"))
    .option("--json", "print the report as JSON on stdout (same as --format json)")
    .option("--stdin-filename <path>", "with `-`: the path the source on stdin stands for")
    .option("-q, --quiet", "print errors only (the diff of --dry-run, and JSON or github output, still)")
    .option("--no-color", "never colour the output (NO_COLOR is respected too)")
    .addOption(
      new Option("--style <style>", "guarded: through a version guard; plain: a bare full_graph=True (Paddle 2.5+ only)")
        .choices(["guarded", "plain"])
        .default("guarded"),
    )
    .option("--guard-bare-keyword", "also guard upstream's bare full_graph=True where the Paddle in use is unknown or accepts it (by default only where it rejects it: before 2.5)")
    .option("--fix-full-graph-false", "also change full_graph=False to True where the call's program is read (it raises on Paddle 2.6+ as written)")
    .option("--no-wrap", "never re-wrap a call for the project's formatter (by default a keyword that would make a line too long for it goes where it would put it)")
    .option("--from-traceback <file>", "fix the to_static calls behind a pasted traceback's full_graph RuntimeError (- reads stdin); the path argument is the checkout root")
    .version(packageVersion(), "-V, --version")
    // Options after `doctor` are doctor's own, not the main command's.
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(parserError(s)) })
    // `help` and `help doctor`, as git and npm have them (a folder named help: ./help).
    .helpCommand("help [command]", "show the help for the tool or a command")
    .addHelpText("after", mainHelp)
    .hook("preAction", (_program, action) => refuseContradictions(action))
    .hook("preSubcommand", refuseOptionsBefore);
  detectionOptions(walkOptions(cmd)).action((paths: string[], opts: CliOptions) => done(fix(paths.length ? paths : ["."], opts)));

  // Declared with .command() so it inherits exitOverride and the output settings.
  const doctor = cmd
    .command("doctor")
    .summary("one screen: installed Paddle and toolkit, whether the export fails, unfixed sites, the command that fixes them")
    .description("Which Paddle and toolkit are installed, whether the export will hit the full_graph error, which sites are unfixed, and the command that fixes them.")
    .argument("[root]", "the checkout", ".")
    .option("--json", "print the diagnosis as JSON")
    .addHelpText("after", doctorHelp);
  detectionOptions(walkOptions(doctor)).action(async (root: string, opts: DoctorCliOptions) => {
    done((await import("./doctor.js")).runDoctor(root, opts));
  });
  return cmd;
}

/** The parser alone, its actions inert: what the tests compare the README's option tables with. */
export function commandLine(): Command {
  return program(() => {});
}

export async function main(argv: string[]): Promise<number> {
  let outcome: Promise<number> = Promise.resolve(EXIT.ok);
  try {
    await program((code) => (outcome = code)).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every usage error is 2 (commander printed it).
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    throw error;
  }
  return outcome;
}

async function fix(paths: string[], opts: CliOptions): Promise<number> {
  const mode: Mode = opts.dryRun ? "dry-run" : opts.check ? "check" : "write";
  const format = opts.json ? "json" : opts.format;
  const term = terminal({ color: opts.color, quiet: opts.quiet, json: format === "json" });
  // SIGINT/SIGTERM: stop starting files, let the one being written finish,
  // report what was done, exit 128 + signal number.
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (opts.fromTraceback !== undefined) {
      const { runFromTraceback } = await import("./traceback.js");
      return await runFromTraceback(paths, mode, format, opts, controller.signal, term);
    }
    if (paths.includes("-")) return (await import("./stdin.js")).runStdin(paths, mode, opts, controller.signal, term);
    // --installed: the interpreter's toolkit folders are the paths (given paths are refused before this).
    const installedModule = opts.installed ? await import("./installed.js") : null;
    const installed = installedModule ? await installedModule.installedTarget(opts) : null;
    if (installed) paths = installed.folders;
    if (!opts.quiet) for (const warning of await excludeWarnings(paths, opts.exclude)) process.stderr.write(`paddle-fullgraph-fix: ${warning}\n`);
    // Reverting needs no Paddle: it only removes what the tool wrote.
    // --no-detect: no interpreter at all (with --python or --paddle-version it is refused before this).
    // Detection runs while the files are walked, read and analysed: the
    // engine waits for it only where it must (files naming the keyword, the
    // first write, the report), and --style plain's gate runs before the
    // first write and again before the report (a check writes nothing).
    const wantsDetect = !opts.revert && opts.detect;
    const detecting = wantsDetect ? (installed ? Promise.resolve(installed.environment) : detect(paths, opts)) : undefined;
    // One turn of the event loop: detection's steps before the interpreter's
    // spawn are synchronous or microtasks, so the query is running (on the
    // other core) before the walk, which blocks, begins.
    // A detection that fails before its query (a bad --paddle-version, a
    // --python that is no interpreter) has failed by then: a usage error
    // before any work, as ever. A later failure fails the run in fixPaths.
    let failedEarly = false;
    detecting?.catch(() => (failedEarly = true));
    if (detecting) await turn();
    if (failedEarly) await detecting;
    const plainGate = opts.style === "plain" && !opts.revert ? refusePlainUnlessSupported : undefined;
    const progress = progressLine(term.progress, term.progressAfterMs);
    const fixed = await fixPaths(paths, {
      beforeWrite: plainGate,
      mode,
      revert: opts.revert,
      all: opts.all,
      style: opts.style,
      guardBareKeywords: opts.guardBareKeyword,
      fixFullGraphFalse: opts.fixFullGraphFalse,
      wrap: opts.wrap,
      exclude: opts.exclude,
      forceExclude: opts.forceExclude,
      noIgnore: noIgnore(opts),
      environment: detecting,
      signal: controller.signal,
      onProgress: term.progress ? progress.update : undefined,
    }).finally(progress.stop);
    const report = installed ? await installedModule!.withRecordCheck(fixed, installed.installed) : fixed;
    const environment = report.environment ?? undefined;
    plainGate?.(environment ?? null);
    print(report, format, term, {}, opts.quiet);
    if (controller.signal.aborted) return interrupted(report, controller.signal.reason as string);
    // Hints are advice, not errors: -q drops them.
    const files = (await Promise.all(paths.map((p) => stat(p).then((s) => (s.isFile() ? p : null), () => null)))).filter((p) => p !== null);
    const hints = opts.quiet ? [] : emptyRunHints(report, environment, { paths, files, cwd: process.cwd(), command: invokedCommand() });
    const unwritable = installed && !opts.quiet ? installedModule!.unwritableHint(report, installed.installed) : null;
    for (const hint of [...hints, ...(unwritable ? [unwritable] : [])]) process.stderr.write(`paddle-fullgraph-fix: ${hint}\n`);
    if (report.summary.errors) {
      const n = report.summary.errors;
      process.stderr.write(`paddle-fullgraph-fix: completed with errors (${plural(n, "file")} could not be handled; see above)\n`);
    }
    return exitCode(report, Boolean(opts.check));
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Runs the command line and sets the exit code. */
export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error: unknown) {
    // A UserError (a missing path, an unusable option value, thrown anywhere
    // below) is the user's to fix and its message says how; anything else is
    // still one line, never a stack trace. Both exit 2.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`paddle-fullgraph-fix: ${message}\n`);
    process.exitCode = EXIT.error;
  }
}
