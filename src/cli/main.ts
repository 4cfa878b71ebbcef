// The command line: parses options, calls the library, maps the outcome to
// output and an exit code. No logic of its own; each command has its module
// here, loaded when it is used.
import { Command, CommanderError, Option } from "commander";
import { DetectUsageError } from "../detect/index.js";
import { fixPaths } from "../engine.js";
import type { Mode } from "../model.js";
import { MissingPathError } from "../files/walk.js";
import { packageVersion } from "../files/package-root.js";
import { detect, detectionOptions, excludeOptions, EXIT, refusePlainUnlessSupported, UsageError, type CliOptions } from "./options.js";
import { exitCode, interrupted, print } from "./output.js";
import { plural } from "../report/words.js";

function program(): Command {
  const cmd = new Command("paddle-fullgraph-fix")
    .description("Add a version-guarded full_graph=True to paddle.jit.to_static export calls (Paddle 2.6+ export fix).")
    .argument("[paths...]", "files or directories to fix (default: .); - reads source on stdin")
    .option("--dry-run", "print a unified diff of the fixes; write nothing")
    .option("--check", "write nothing; exit 1 when a fix is pending")
    .option("--revert", "remove what this tool added (guard block and keywords), restoring the original bytes; with --dry-run show the diff, with --check exit 1 if anything would be reverted")
    .option("--all", "also fix sites outside export paths (training-time conversions)")
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
    .option("--from-traceback <file>", "fix the to_static calls behind a pasted traceback's full_graph RuntimeError (- reads stdin); the path argument is the checkout root")
    .addHelpText("after", "\nSubcommand:\n  doctor [root]  one screen: installed Paddle and toolkit, whether the export fails, unfixed sites, the command that fixes them")
    .version(packageVersion(), "-V, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  return detectionOptions(excludeOptions(cmd));
}

export async function main(argv: string[]): Promise<number> {
  if (argv[2] === "doctor") return (await import("./doctor.js")).runDoctor(argv.slice(3));
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
    if (opts.fromTraceback !== undefined) {
      const { runFromTraceback } = await import("./traceback.js");
      return await runFromTraceback(paths, mode, format, opts, controller.signal);
    }
    if (paths.includes("-")) return (await import("./stdin.js")).runStdin(paths, mode, opts, controller.signal);
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
      process.stderr.write(`paddle-fullgraph-fix: completed with errors (${plural(n, "file")} could not be handled; see above)\n`);
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

/** Runs the command line and sets the exit code. */
export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error: unknown) {
    process.stderr.write(`paddle-fullgraph-fix: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.error;
  }
}
