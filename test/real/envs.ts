/**
 * Cached Python environments with real Paddle wheels, one per release, for
 * `npm run test:real`.
 *
 * They live outside the repository, in PADDLE_FULLGRAPH_FIX_REAL_CACHE
 * (default ~/.cache/paddle-fullgraph-fix/real): `wheels/` keeps the
 * downloaded paddlepaddle wheels, `envs/paddle-<release>/` one virtual
 * environment each. An environment is reused while its install spec (the
 * pinned requirement lines) is unchanged, and rebuilt otherwise; one that
 * failed half-way has no ready marker and is rebuilt too.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { type PythonResult, runPython } from "../helpers/run-python.js";
import { COMMON_PINS, type PaddleRelease, TOOLKITS } from "./matrix.js";

export const CACHE_DIR =
  process.env.PADDLE_FULLGRAPH_FIX_REAL_CACHE ?? path.join(homedir(), ".cache", "paddle-fullgraph-fix", "real");
const WHEELS_DIR = path.join(CACHE_DIR, "wheels");
const READY = "pfgf-ready.json";

/** The interpreter the environments are made from (its tag decides which wheels exist). */
export const BASE_PYTHON = process.env.PADDLE_FULLGRAPH_FIX_REAL_PYTHON ?? "python3";

export interface Command extends PythonResult {
  seconds: number;
}

/**
 * Runs a Python interpreter (`python -B args...`) with the tests' scrubbed
 * environment and a time limit (20 minutes unless told), timing it.
 */
export async function run(
  python: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<Command> {
  const started = Date.now();
  const r = await runPython({ python, args, cwd: options.cwd ?? process.cwd(), env: options.env, timeoutMs: options.timeoutMs ?? 20 * 60_000 });
  return { ...r, seconds: (Date.now() - started) / 1000 };
}

/** Last lines of a failed command, for a message that says what went wrong. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export interface BasePython {
  /** sys.executable: the real interpreter behind a shim such as pyenv's. */
  executable: string;
  version: string;
  /** Wheel tag of the interpreter, e.g. cp311. */
  tag: string;
  machine: string;
}

export async function basePython(): Promise<BasePython> {
  const r = await run(BASE_PYTHON, [
    "-c",
    "import platform, sys; print(platform.python_version(), 'cp%d%d' % sys.version_info[:2], platform.machine(), sys.executable)",
  ]);
  if (r.code !== 0) throw new Error(`${BASE_PYTHON} does not run: ${tail(r.stderr)}`);
  const [version, tag, machine, ...executable] = r.stdout.trim().split(" ");
  return { version, tag, machine, executable: executable.join(" ") };
}

export type EnvState =
  | { status: "ready"; release: string; python: string; sitePackages: string; installMB: number; installSeconds: number; reused: boolean }
  | { status: "no-wheel"; release: string; reason: string }
  | { status: "failed"; release: string; reason: string };

/** The wheel for one release, downloaded once into the cache; null when the registry has none for this Python. */
async function wheelFor(release: string, base: BasePython): Promise<{ file: string } | { missing: string }> {
  mkdirSync(WHEELS_DIR, { recursive: true });
  const name = (f: string) => f.startsWith(`paddlepaddle-${release}-`) && f.endsWith(".whl");
  const cached = readdirSync(WHEELS_DIR).find(name);
  if (cached) return { file: path.join(WHEELS_DIR, cached) };
  const r = await run(base.executable, ["-m", "pip", "download", "--no-deps", "--dest", WHEELS_DIR, `paddlepaddle==${release}`]);
  const got = readdirSync(WHEELS_DIR).find(name);
  if (got) return { file: path.join(WHEELS_DIR, got) };
  if (/No matching distribution|Could not find a version/.test(r.stderr)) return { missing: "no matching wheel on the registry" };
  throw new Error(`pip download paddlepaddle==${release} failed:\n${tail(r.stderr)}`);
}

/** The requirement lines an environment is built from; a change rebuilds it. */
export function installSpec(release: string): { paddle: string; pins: string[]; toolkits: string[] } {
  return {
    paddle: `paddlepaddle==${release}`,
    pins: [...COMMON_PINS],
    toolkits: TOOLKITS.map((t) => t.requirement),
  };
}

export async function ensureEnv(row: PaddleRelease, base: BasePython): Promise<EnvState> {
  const release = row.version;
  const dir = path.join(CACHE_DIR, "envs", `paddle-${release}`);
  const python = path.join(dir, "bin", "python");
  const spec = installSpec(release);
  const marker = path.join(dir, READY);
  if (existsSync(marker)) {
    const ready = JSON.parse(readFileSync(marker, "utf8"));
    if (JSON.stringify(ready.spec) === JSON.stringify(spec)) {
      return { status: "ready", release, python, sitePackages: ready.sitePackages, installMB: ready.installMB, installSeconds: ready.installSeconds, reused: true };
    }
  }
  const wheel = await wheelFor(release, base);
  if ("missing" in wheel) return { status: "no-wheel", release, reason: `no ${base.tag} wheel (${wheel.missing})` };

  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  const steps: [string, string[]][] = [
    [base.executable, ["-m", "venv", dir]],
    // Paddle with its own dependencies, held to the pinned versions.
    [python, ["-m", "pip", "install", "--find-links", WHEELS_DIR, spec.paddle, ...spec.pins]],
  ];
  // The toolkits' code only: their export paths need just the pins above.
  if (spec.toolkits.length) steps.push([python, ["-m", "pip", "install", "--no-deps", ...spec.toolkits]]);
  for (const [command, args] of steps) {
    const r = await run(command, args);
    if (r.code !== 0) return { status: "failed", release, reason: `${path.basename(command)} ${args.join(" ")}:\n${tail(r.stderr)}` };
  }
  const site = await run(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]);
  const du = execFileSync("du", ["-sm", dir], { encoding: "utf8" });
  const ready = {
    spec,
    sitePackages: site.stdout.trim(),
    installMB: Number.parseInt(du, 10),
    installSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(marker, `${JSON.stringify(ready, null, 2)}\n`);
  return { status: "ready", release, python, ...ready, reused: false };
}

/**
 * A cached environment holding Python tools from the registry (formatters,
 * linters), pinned: `envs/<name>`, rebuilt when the pins change. Returns
 * its bin folder.
 */
export async function ensureToolEnv(name: string, pins: readonly string[], base: BasePython): Promise<string> {
  const dir = path.join(CACHE_DIR, "envs", name);
  const bin = path.join(dir, "bin");
  const marker = path.join(dir, READY);
  if (existsSync(marker) && JSON.stringify(JSON.parse(readFileSync(marker, "utf8")).pins) === JSON.stringify(pins)) return bin;
  rmSync(dir, { recursive: true, force: true });
  for (const [command, args] of [
    [base.executable, ["-m", "venv", dir]],
    [path.join(bin, "python"), ["-m", "pip", "install", ...pins]],
  ] as const) {
    const r = await run(command, args);
    if (r.code !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")}:\n${tail(r.stderr)}`);
  }
  writeFileSync(marker, `${JSON.stringify({ pins }, null, 2)}\n`);
  return bin;
}
