// Shared pieces of the command line: options, exit codes, usage errors, and
// the environment detection the commands start with.
import { stat } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { detectEnvironment, supportsFullGraphKeyword } from "../detect/index.js";
import { UserError, type Environment } from "../model.js";

export const EXIT = { ok: 0, pending: 1, error: 2 } as const;
/** Interrupted runs exit 128 + the signal number, as shells do. */
export const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface CliOptions {
  dryRun?: boolean;
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
}

export interface DoctorCliOptions {
  python?: string;
  paddleVersion?: string;
  detect: boolean;
  exclude: string[];
  ignore: boolean;
  respectGitignore: boolean;
  json?: boolean;
}

// Option groups, declared once and shared by the main command and doctor.

/** What a directory walk skips: --exclude GLOB (repeatable), --no-ignore. */
export function walkOptions(cmd: Command): Command {
  return (
    cmd
      .option("--exclude <glob>", "skip paths matching GLOB (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
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
    .option("--no-detect", "skip reading the installed Paddle and the checkout's version");
}

/** The checkout is the first directory given (files alone: the current folder). */
export async function detect(paths: string[], opts: CliOptions): Promise<Environment> {
  const dirs = await Promise.all(paths.map((p) => stat(p).then((s) => (s.isDirectory() ? p : null), () => null)));
  const root = path.resolve(dirs.find((d) => d !== null) ?? ".");
  return detectEnvironment({ root, paddleVersion: opts.paddleVersion, python: opts.python });
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
