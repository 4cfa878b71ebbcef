// Shared pieces of the command line: options, exit codes, usage errors, and
// the environment detection the commands start with.
import { statSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { detectEnvironment, supportsFullGraphKeyword } from "../detect/index.js";
import { UserError, type Environment } from "../model.js";
import { checkExcludePattern, compileExcludes, unreachablePathPatterns } from "../files/exclude.js";

export const EXIT = { ok: 0, pending: 1, error: 2 } as const;
/** Interrupted runs exit 128 + the signal number, as shells do. */
export const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface CliOptions {
  /** Also set by --diff (ruff's and black's name for it). */
  dryRun?: boolean;
  quiet?: boolean;
  check?: boolean;
  revert?: boolean;
  all?: boolean;
  exclude: string[];
  /** False with --no-ignore (or its alias --no-respect-gitignore). */
  ignore: boolean;
  respectGitignore: boolean;
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
  guardBareKeyword?: boolean;
  fixFullGraphFalse?: boolean;
  /** false with --no-wrap. */
  wrap: boolean;
  /** Fix the toolkits installed in the interpreter detection reads, not paths. */
  installed?: boolean;
}

export interface DoctorCliOptions {
  python?: string;
  paddleVersion?: string;
  detect: boolean;
  exclude: string[];
  ignore: boolean;
  respectGitignore: boolean;
  json?: boolean;
  installed?: boolean;
}

// Option groups, declared once and shared by the main command and doctor.

/** What a directory walk skips: --exclude GLOB (repeatable), --no-ignore. */
export function walkOptions(cmd: Command): Command {
  return (
    cmd
      .option(
        "--exclude <glob>",
        "skip files and folders matching GLOB (repeatable): without a slash, a name at any depth (legacy/, *_pb2.py); with one, a path below each folder given (deploy/**); ./, ../ or / starts a path from here; a trailing / means folders only",
        (v: string, acc: string[]) => [...acc, v],
        [] as string[],
      )
      // ripgrep's and fd's name; ruff's is accepted too (same meaning, not listed).
      .option("--no-ignore", "also walk what .gitignore, .ignore and .git/info/exclude skip")
      .addOption(new Option("--no-respect-gitignore", "same as --no-ignore").hideHelp())
  );
}

/** Whether the walk should skip nothing for ignore rules (--no-ignore, --no-respect-gitignore). */
export function noIgnore(opts: { ignore: boolean; respectGitignore: boolean }): boolean {
  return !opts.ignore || !opts.respectGitignore;
}

/** Where the installed Paddle is read from: --paddle-version, --python, --no-detect. */
export function detectionOptions(cmd: Command): Command {
  return cmd
    .option("--paddle-version <version>", "the Paddle release the export will run with (skips detection)")
    .option("--python <path>", "read the installed Paddle from this interpreter")
    .option("--no-detect", "skip reading the installed Paddle and the checkout's version; starts no interpreter (an error with --python or --paddle-version)")
    .option("--installed", "instead of paths, the toolkits (paddledet, paddleocr, paddleseg, paddleclas) installed in the Python that --python names, else the active environment's; nothing outside their folders is touched");
}

/**
 * Options that contradict each other are a usage error (exit 2), as clap
 * (ruff) and click (black) make them, rather than one silently winning:
 * `--json` with another `--format`, `--stdin-filename` without `-`,
 * `--format github` with `-` (its annotations would need stdout), and
 * `--no-detect` with `--python` or `--paddle-version` (which say where to
 * read Paddle from; `--paddle-version` alone already starts no interpreter).
 * Run before any action (a preAction hook), for the main command and doctor.
 */
export function refuseContradictions(cmd: Command): void {
  const opts = cmd.opts<Partial<CliOptions>>();
  const given = (name: string) => cmd.getOptionValueSource(name) === "cli";
  for (const pattern of opts.exclude ?? []) checkExcludePattern(pattern);
  if (opts.json && given("format") && opts.format !== "json") {
    throw new UserError(`--json and --format ${opts.format} contradict each other (--json is --format json); give one of them`);
  }
  if (opts.stdinFilename !== undefined && !cmd.args.includes("-")) {
    throw new UserError("--stdin-filename names the source read from `-` (standard input), and no `-` was given");
  }
  // Workflow commands are read from standard output, which `-` gives to the
  // fixed source (or its diff); on stderr they would not annotate anything.
  if (opts.format === "github" && cmd.args.includes("-")) {
    throw new UserError(
      "--format github cannot be used with `-` (standard input): GitHub reads its annotations from standard output, which carries the fixed source (or its diff); " +
        "run on the file's path instead, or use --json (the report of `-` goes to stderr)",
    );
  }
  if (opts.installed) {
    const other = cmd.args.length ? `the paths given (${cmd.args.join(" ")})` : opts.detect === false ? "--no-detect" : opts.fromTraceback !== undefined ? "--from-traceback" : null;
    if (other) {
      throw new UserError(
        `--installed cannot be combined with ${other}: --installed fixes exactly the toolkit folders that the interpreter's metadata names ` +
          "(--python PATH picks the interpreter); give paths without --installed to fix a checkout",
      );
    }
  }
  if (opts.detect === false) {
    const named = [opts.python !== undefined && "--python", opts.paddleVersion !== undefined && "--paddle-version"].filter(Boolean).join(" and ");
    if (named) {
      throw new UserError(
        `--no-detect cannot be combined with ${named}: --no-detect reads no Paddle at all; ` +
          "drop it (--paddle-version alone already starts no interpreter)",
      );
    }
  }
}

/**
 * Options before a command name are the main command's, not the command's:
 * `--no-detect doctor` would be silently ignored (and doctor would start an
 * interpreter), so it is a usage error that shows where the option goes.
 */
export function refuseOptionsBefore(program: Command, sub: Command): void {
  const given = program.options.filter((o) => program.getOptionValueSource(o.attributeName()) === "cli").map((o) => o.long ?? o.short);
  if (given.length) {
    const [is, them] = given.length === 1 ? ["is the main command's option", "it"] : ["are the main command's options", "them"];
    throw new UserError(`${given.join(", ")} before \`${sub.name()}\` ${is}, not ${sub.name()}'s; put ${them} after \`${sub.name()}\``);
  }
}

/**
 * Warnings for --exclude paths from here (`./deploy`, `/abs/x`) that lie
 * outside every folder given: they exclude nothing there, and a pattern
 * relative to the walked folder was probably meant.
 */
export async function excludeWarnings(paths: string[], patterns: string[]): Promise<string[]> {
  if (!patterns.length) return [];
  const dirs = (await Promise.all(paths.map((p) => stat(p).then((s) => (s.isDirectory() ? p : null), () => null)))).filter((d) => d !== null);
  if (!dirs.length) return [];
  const folders = dirs.join(", ");
  return unreachablePathPatterns(compileExcludes(patterns), dirs).map(
    (r) =>
      `warning: --exclude ${r.pattern} is a path from the current folder (${r.resolved}${r.foldersOnly ? "/" : ""}), outside ${folders}: it excludes nothing there` +
      (r.pattern.startsWith("./") ? `; for a path below the folder walked, leave out the ./ (--exclude ${r.pattern.slice(2)})` : ""),
  );
}

/** The checkout is the first directory given (files alone: the current folder). */
function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export async function detect(paths: string[], opts: CliOptions): Promise<Environment> {
  // Synchronous, like the interpreter's lookup: the query starts in this call.
  const dirs = paths.map((p) => (isDirectory(p) ? p : null));
  const root = path.resolve(dirs.find((d) => d !== null) ?? ".");
  const environment = await detectEnvironment({ root, paddleVersion: opts.paddleVersion, python: opts.python });
  if (!opts.quiet) warnStaleVariables(environment);
  return environment;
}

/**
 * A VIRTUAL_ENV or CONDA_PREFIX that points nowhere is a problem of the
 * shell the tool runs in, not of the checkout: said on stderr, once, as the
 * run starts (the reports leave it out of their header; JSON keeps it in
 * environment.warnings).
 */
export function warnStaleVariables(environment: Environment | null): void {
  for (const { warning } of environment?.staleVariables ?? []) process.stderr.write(`paddle-fullgraph-fix: warning: ${warning}\n`);
}

/** A bare full_graph=True is a TypeError on Paddle 2.3/2.4: only allowed where it is known to be accepted. */
export function refusePlainUnlessSupported(environment: Environment | null): void {
  const paddle = environment?.paddle ?? null;
  if (supportsFullGraphKeyword(paddle)) return;
  const why = paddle
    ? `Paddle ${paddle.raw} is not known to accept it (2.3/2.4 raise TypeError)`
    : "no Paddle was detected to show it is 2.5 or newer (2.3/2.4 raise TypeError)";
  throw new UserError(
    `--style plain writes a bare full_graph=True, and ${why}; ` +
      "use the default --style guarded, or name a 2.5+ release with --paddle-version"
  );
}
