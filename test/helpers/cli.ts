// Runs the built CLI (dist/cli.js) as users do, in a child process.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const CLI = path.join(ROOT, "dist/cli.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const env = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  // `npx vitest` would make the tool think npx ran it (it spells suggested commands as called).
  if (!(options.env && "npm_command" in options.env)) delete env.npm_command;
  if (options.env && "FORCE_COLOR" in options.env) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A private copy of a fixture tree in a temp folder. */
export function copyTree(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pfgf-"));
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** Golden cases whose input cannot be checked (a syntax error, an unsupported encoding): every run over them exits 2. */
export const UNCHECKABLE_CASES = ["syntax-error-skipped", "gbk-skipped"];

/** A copy of fixtures/cases without the uncheckable cases, for runs that should exit 0 or 1. */
export function copyCheckableCases(): string {
  const dir = copyTree(path.join(ROOT, "fixtures/cases"));
  for (const name of UNCHECKABLE_CASES) rmSync(path.join(dir, name), { recursive: true, force: true });
  return dir;
}

export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Path -> sha256 of every file below dir (relative posix paths). */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.set(path.relative(dir, full).split(path.sep).join("/"), createHash("sha256").update(readFileSync(full)).digest("hex"));
    }
  };
  visit(dir);
  return out;
}

/** Relative paths whose content differs between two snapshots. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
