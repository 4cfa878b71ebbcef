// Throwaway git repositories and isolated child processes for the pre-commit
// tests: real `pre-commit`, `git` and `npm`, nothing mocked.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./cli.js";
import { tempDir as makeTempDir, writeTree } from "./temp.js";

export { ROOT };

export interface Run {
  /** Exit code; null when killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Wall time in ms. */
  ms: number;
}

export { removeTempDirs as cleanupTempDirs, writeTree as writeFiles } from "./temp.js";

export function tempDir(prefix: string): string {
  return makeTempDir(`pfgf-${prefix}-`);
}

/**
 * Variables that would make the children behave differently from a user's
 * shell: npm's own (vitest runs under `npm test`, which exports npm_config_*
 * and npm_package_*), git's repository pointers (set when the suite runs from
 * inside a git hook), pre-commit's own (SKIP skips hooks by id).
 */
const SCRUBBED = /^(npm_.*|INIT_CWD|NODE_ENV|NODE_OPTIONS|FORCE_COLOR|NO_COLOR|VITEST.*|SKIP|PRE_COMMIT.*|GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|PREFIX|NAMESPACE|CEILING_DIRECTORIES|CONFIG.*|AUTHOR_.*|COMMITTER_.*))$/i;

/** A user's environment, with its own PRE_COMMIT_HOME and an empty global git config. */
export function isolatedEnv(preCommitHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!SCRUBBED.test(key)) env[key] = value;
  const gitConfig = path.join(preCommitHome, "gitconfig");
  mkdirSync(preCommitHome, { recursive: true });
  if (!existsSync(gitConfig)) writeFileSync(gitConfig, "");
  return {
    ...env,
    PRE_COMMIT_HOME: preCommitHome,
    GIT_CONFIG_GLOBAL: gitConfig,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.invalid",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.invalid",
  };
}

/** Runs a command without blocking the event loop (so several installs can overlap); kills its process group on timeout. */
export function run(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutMs ?? 300_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/** Synchronous git, failing loudly. */
export function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${cwd}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** A new git repository holding `files` (path -> contents), all committed. */
export function makeRepo(dir: string, env: NodeJS.ProcessEnv, files: Record<string, string | Buffer>): string {
  mkdirSync(dir, { recursive: true });
  git(dir, env, "init", "-q", "-b", "main");
  writeTree(dir, files);
  git(dir, env, "add", "-A");
  git(dir, env, "commit", "-q", "-m", "initial");
  return dir;
}

/**
 * The files `pre-commit try-repo ROOT` would see: every tracked file, as it
 * is in the work tree (HEAD plus uncommitted changes; untracked files are
 * left out, as try-repo leaves them out).
 */
export function copyTrackedTree(root: string, dest: string): string {
  const listed = spawnSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" });
  if (listed.status !== 0) throw new Error(`git ls-files failed in ${root}: ${listed.stderr}`);
  for (const rel of listed.stdout.split("\0").filter(Boolean)) {
    const from = path.join(root, rel);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue; // deleted in the work tree, or a symlink/submodule
    const to = path.join(dest, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return dest;
}

/** `pre-commit --version` of `bin` ("pre-commit 3.0.4"), or null when it does not run. */
export function preCommitVersion(bin = "pre-commit"): string | null {
  const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

export interface PreCommit {
  /** The major version this entry stands for. */
  major: number;
  /** Where it comes from, for test names and messages. */
  source: string;
  bin: string;
  /** What `bin --version` printed; null when it is not installed. */
  version: string | null;
}

/**
 * The pre-commits users have, both installed by .ci/run: Debian's 3.x (apt,
 * on PATH) and the newest 4.x from PyPI in its own virtual environment,
 * cached outside the repo (PADDLE_FULLGRAPH_FIX_PRE_COMMIT_4 names another).
 */
export function preCommits(): PreCommit[] {
  const pre4 =
    process.env.PADDLE_FULLGRAPH_FIX_PRE_COMMIT_4 ?? path.join(os.homedir(), ".cache/paddle-fullgraph-fix/pre-commit-4/bin/pre-commit");
  return [
    { major: 3, source: "Debian's package", bin: "pre-commit" },
    { major: 4, source: "PyPI, .ci/run's venv", bin: pre4 },
  ].map((p) => ({ ...p, version: preCommitVersion(p.bin) }));
}

export function read(file: string): Buffer {
  return readFileSync(file);
}

/** Output of a run, for failure messages. */
export function show(r: Run): string {
  return `exit ${r.code}${r.timedOut ? " (timed out)" : ""} after ${r.ms} ms\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}
