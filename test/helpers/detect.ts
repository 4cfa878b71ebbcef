/**
 * Throwaway interpreters and installs for the detector tests: real venvs
 * (`python3 -m venv --without-pip`) whose site-packages hold hand-written
 * dist-info folders, and fake checkouts in temp directories.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir as makeTempDir } from "./temp.js";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/detect/", import.meta.url));

export { removeTempDirs as cleanupTempDirs, writeTree as writeFiles } from "./temp.js";

export function tempDir(prefix = "pfgf-detect-"): string {
  return makeTempDir(prefix);
}

/** A generous bound for real interpreter queries, so a loaded machine does not turn them into timeouts. */
export const QUERY_TIMEOUT_MS = 60_000;

/** The host's python3 (PATH lookup by the shell-less execFileSync). */
export const HOST_PYTHON = process.env.PFGF_TEST_PYTHON ?? "python3";

export interface Venv {
  dir: string;
  python: string;
  site: string;
}

export function makeVenv(parent = tempDir()): Venv {
  const dir = path.join(parent, "venv");
  execFileSync(HOST_PYTHON, ["-m", "venv", "--without-pip", dir], { stdio: "pipe", cwd: os.tmpdir() });
  const lib = path.join(dir, "lib");
  const pyDir = readdirSync(lib).find((n) => /^python3\.\d+$/.test(n));
  if (!pyDir) throw new Error(`no lib/python3.X in ${dir}`);
  const site = path.join(lib, pyDir, "site-packages");
  mkdirSync(site, { recursive: true });
  return { dir, python: path.join(dir, "bin", "python"), site };
}

export interface DistOptions {
  directUrl?: object;
  /** write PKG-INFO of an .egg-info folder instead of a .dist-info */
  eggInfo?: boolean;
}

/** A hand-written installed distribution: `<name>-<version>.dist-info/METADATA`. */
export function addDist(site: string, name: string, version: string, opts: DistOptions = {}): string {
  const folder = `${name.replace(/-/g, "_")}-${version}.${opts.eggInfo ? "egg-info" : "dist-info"}`;
  const dir = path.join(site, folder);
  mkdirSync(dir, { recursive: true });
  const headers = `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: test stand-in\n\nNot a real package.\nVersion: 9.9.9 (body text, not a header)\n`;
  writeFileSync(path.join(dir, opts.eggInfo ? "PKG-INFO" : "METADATA"), headers);
  if (!opts.eggInfo) writeFileSync(path.join(dir, "INSTALLER"), "pip\n");
  if (opts.directUrl) writeFileSync(path.join(dir, "direct_url.json"), JSON.stringify(opts.directUrl));
  return dir;
}

/** An executable shell script (a stand-in interpreter). */
export function writeScript(p: string, body: string): string {
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

export function fixture(name: string): string {
  const p = path.join(FIXTURES, name);
  if (!existsSync(p)) throw new Error(`missing fixture ${p}`);
  return p;
}

/** An environment with nothing to find: no venv, no conda, an empty PATH. */
export function bareEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: "", HOME: process.env.HOME, ...extra };
}
