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
 *
 * Releases older than 2.6 have only CUDA builds on the registry
 * (`paddlepaddle-gpu`, for Python 3.9 here). They run on the CPU: a wheel
 * whose libpaddle.so links a CUDA runtime gets one that answers "no device",
 * built at set-up in its environment from test/real/cudart/no-device.c
 * under the real runtime's soname and symbol version (never committed as a
 * binary), and every process of that environment finds it through
 * LD_LIBRARY_PATH. A wheel that links none (2.5.2) needs nothing.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { type PythonResult, runPython } from "../helpers/run-python.js";
import { COMMON_PINS, type PaddleRelease, TOOLKITS } from "./matrix.js";

/** The C source of the stand-in CUDA runtime (see the file's own comment). */
export const CUDART_SOURCE = path.resolve(__dirname, "cudart", "no-device.c");

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

async function describePython(command: string): Promise<BasePython | string> {
  const r = await run(command, [
    "-c",
    "import platform, sys; print(platform.python_version(), 'cp%d%d' % sys.version_info[:2], platform.machine(), sys.executable)",
  ]).catch((error: Error) => ({ code: -1, stderr: error.message }));
  if (r.code !== 0) return `${command} does not run: ${tail(r.stderr)}`;
  const [version, tag, machine, ...executable] = (r as Command).stdout.trim().split(" ");
  return { version, tag, machine, executable: executable.join(" ") };
}

export async function basePython(): Promise<BasePython> {
  const found = await describePython(BASE_PYTHON);
  if (typeof found === "string") throw new Error(found);
  return found;
}

const byVersion = new Map<string, Promise<BasePython>>();

/**
 * The interpreter a release's environment is made from: the default one, or
 * for a row that names a Python version (e.g. "3.9"), `python3.9` on PATH,
 * else pyenv's newest 3.9.x (~/.pyenv/versions/3.9.*: CI's machines have it).
 */
export function pythonFor(row: PaddleRelease): Promise<BasePython> {
  const wanted = row.python;
  if (!wanted) return basePython();
  let found = byVersion.get(wanted);
  if (!found) {
    found = (async () => {
      const pyenv = path.join(process.env.PYENV_ROOT ?? path.join(homedir(), ".pyenv"), "versions");
      const installed = existsSync(pyenv)
        ? readdirSync(pyenv)
            .filter((v) => v.startsWith(`${wanted}.`))
            .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
            .reverse()
            .map((v) => path.join(pyenv, v, "bin", "python"))
        : [];
      const tried: string[] = [];
      for (const command of [`python${wanted}`, ...installed]) {
        const python = await describePython(command);
        if (typeof python !== "string" && python.version.startsWith(`${wanted}.`)) return python;
        tried.push(typeof python === "string" ? python : `${command} is Python ${python.version}`);
      }
      throw new Error(`no Python ${wanted} for Paddle ${row.version}: ${tried.join("; ")}`);
    })();
    byVersion.set(wanted, found);
  }
  return found;
}

/** What lets a wheel built for CUDA load on this CPU-only machine. */
export type CudaRuntime =
  /** libpaddle.so links no CUDA runtime (it loads CUDA lazily, and finds none). */
  | { kind: "none" }
  /** A runtime built from test/real/cudart/no-device.c, in `dir`. */
  | { kind: "stand-in"; soname: string; symbols: number; dir: string };

export interface Installed {
  release: string;
  /** The interpreter's version, e.g. 3.9.18. */
  pythonVersion: string;
  installMB: number;
  installSeconds: number;
  reused: boolean;
  cudaRuntime: CudaRuntime;
}

export type EnvState =
  | ({ status: "ready"; python: string; sitePackages: string } & Installed)
  /** Installed, but `import paddle` fails on this machine: `error` is its last line, exactly. */
  | ({ status: "unimportable"; error: string } & Installed)
  | { status: "no-wheel"; release: string; reason: string }
  | { status: "failed"; release: string; reason: string };

/** Variables every process of the environment runs with (the CUDA stand-in's folder). */
export function envVariables(env: { cudaRuntime: CudaRuntime }): Record<string, string> {
  return env.cudaRuntime.kind === "stand-in" ? { LD_LIBRARY_PATH: env.cudaRuntime.dir } : {};
}

/** The wheel for one release, downloaded once into the cache; null when the registry has none for this Python. */
async function wheelFor(row: PaddleRelease, base: BasePython): Promise<{ file: string } | { missing: string }> {
  mkdirSync(WHEELS_DIR, { recursive: true });
  // wheel file names spell the distribution with underscores
  const prefix = `${row.distribution.replace(/-/g, "_")}-${row.version}-${base.tag}-`;
  const name = (f: string) => f.startsWith(prefix) && f.endsWith(".whl");
  const cached = readdirSync(WHEELS_DIR).find(name);
  if (cached) return { file: path.join(WHEELS_DIR, cached) };
  const requirement = `${row.distribution}==${row.version}`;
  const r = await run(base.executable, ["-m", "pip", "download", "--no-deps", "--dest", WHEELS_DIR, requirement]);
  const got = readdirSync(WHEELS_DIR).find(name);
  if (got) return { file: path.join(WHEELS_DIR, got) };
  if (/No matching distribution|Could not find a version/.test(r.stderr)) return { missing: "no matching wheel on the registry" };
  throw new Error(`pip download ${requirement} failed:\n${tail(r.stderr)}`);
}

/** The requirement lines an environment is built from; a change rebuilds it. */
export function installSpec(row: PaddleRelease, base: BasePython): { paddle: string; python: string; pins: string[]; toolkits: string[]; cudaStandIn: string } {
  return {
    paddle: `${row.distribution}==${row.version}`,
    python: base.tag,
    pins: [...COMMON_PINS],
    toolkits: TOOLKITS.map((t) => t.requirement),
    // the stand-in runtime is rebuilt with the environment when its source changes
    cudaStandIn: createHash("sha256").update(readFileSync(CUDART_SOURCE)).digest("hex").slice(0, 16),
  };
}

export async function ensureEnv(row: PaddleRelease): Promise<EnvState> {
  const release = row.version;
  let base: BasePython;
  try {
    base = await pythonFor(row);
  } catch (error) {
    return { status: "failed", release, reason: (error as Error).message };
  }
  const dir = path.join(CACHE_DIR, "envs", `paddle-${release}`);
  const python = path.join(dir, "bin", "python");
  const spec = installSpec(row, base);
  const marker = path.join(dir, READY);
  if (existsSync(marker)) {
    const ready = JSON.parse(readFileSync(marker, "utf8"));
    if (JSON.stringify(ready.spec) === JSON.stringify(spec)) return stateOf(release, python, ready, true);
  }
  const wheel = await wheelFor(row, base);
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
  const site = (await run(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])).stdout.trim();
  let cudaRuntime: CudaRuntime;
  try {
    cudaRuntime = provideCudaRuntime(site, dir);
  } catch (error) {
    return { status: "failed", release, reason: (error as Error).message };
  }
  // one line of JSON, or the exception exactly as Python prints it last
  const probe = await run(python, ["-c", "import paddle; print(paddle.__version__)"], { env: envVariables({ cudaRuntime }) });
  const importError = probe.code === 0 ? null : (probe.stderr.trim().split("\n").pop() ?? `exit ${probe.code}`);
  const du = execFileSync("du", ["-sm", dir], { encoding: "utf8" });
  const ready = {
    spec,
    pythonVersion: base.version,
    sitePackages: site,
    cudaRuntime,
    importError,
    installMB: Number.parseInt(du, 10),
    installSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(marker, `${JSON.stringify(ready, null, 2)}\n`);
  return stateOf(release, python, ready, false);
}

function stateOf(
  release: string,
  python: string,
  ready: { pythonVersion: string; sitePackages: string; cudaRuntime: CudaRuntime; importError: string | null; installMB: number; installSeconds: number },
  reused: boolean,
): EnvState {
  const installed: Installed = {
    release,
    pythonVersion: ready.pythonVersion,
    installMB: ready.installMB,
    installSeconds: ready.installSeconds,
    reused,
    cudaRuntime: ready.cudaRuntime,
  };
  return ready.importError === null
    ? { status: "ready", python, sitePackages: ready.sitePackages, ...installed }
    : { status: "unimportable", error: ready.importError, ...installed };
}

/** Paddle's compiled core: libpaddle.so (2.4+), core_avx.so / core_noavx.so before. */
function paddleCore(site: string): string {
  for (const folder of ["base", "fluid"]) {
    for (const name of ["libpaddle.so", "core_avx.so", "core_noavx.so"]) {
      const file = path.join(site, "paddle", folder, name);
      if (existsSync(file)) return file;
    }
  }
  throw new Error(`no libpaddle.so or core_avx.so under ${path.join(site, "paddle")}`);
}

function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
}

/**
 * Reads which CUDA runtime the core links (readelf), builds the stand-in
 * for it (cc, from every symbol `nm` says the core imports from it), and
 * checks with ldd that the core now finds every library it links.
 */
function provideCudaRuntime(site: string, envDir: string): CudaRuntime {
  const core = paddleCore(site);
  const needed = [...tool("readelf", ["-d", core]).matchAll(/\(NEEDED\)\s+Shared library: \[(libcudart\.so[^\]]*)\]/g)].map((m) => m[1]);
  let runtime: CudaRuntime = { kind: "none" };
  if (needed.length) {
    const soname = needed[0];
    const match = /^libcudart\.so\.(\d+)\.(\d+)$/.exec(soname);
    // The registry serves real runtimes from CUDA 11 on (nvidia-cuda-runtime-cu11): a wheel linking one should use it.
    if (!match || Number(match[1]) >= 11) {
      throw new Error(`${path.basename(core)} links ${soname}: use the registry's nvidia-cuda-runtime package for it (no row needed one yet)`);
    }
    const symbols = [
      ...new Set(
        tool("nm", ["-D", "--undefined-only", core])
          .split("\n")
          .map((line) => new RegExp(`^\\s*U (\\w+)@${soname.replace(/\./g, "\\.")}$`).exec(line)?.[1])
          .filter((name): name is string => Boolean(name)),
      ),
    ].sort();
    const dir = path.join(envDir, "cudart-stand-in");
    mkdirSync(dir, { recursive: true });
    // every imported symbol answers cudaErrorNoDevice (100) unless no-device.c says more
    const stubs = symbols.map((name) => `__attribute__((weak)) int ${name}(void) { return 100; }`).join("\n");
    writeFileSync(path.join(dir, "stubs.c"), `/* generated at set-up from nm -D --undefined-only ${path.basename(core)} */\n${stubs}\n`);
    writeFileSync(path.join(dir, "version.map"), `${soname} { global: *; };\n`);
    tool("cc", [
      "-shared", "-fPIC", "-O1",
      `-DCUDART_VERSION=${Number(match[1]) * 1000 + Number(match[2]) * 10}`,
      `-Wl,-soname,${soname}`,
      `-Wl,--version-script=${path.join(dir, "version.map")}`,
      CUDART_SOURCE, path.join(dir, "stubs.c"),
      "-o", path.join(dir, soname),
    ]);
    runtime = { kind: "stand-in", soname, symbols: symbols.length, dir };
  }
  const missing = execFileSync("ldd", [core], { encoding: "utf8", env: { ...process.env, ...envVariables({ cudaRuntime: runtime }) } })
    .split("\n")
    .filter((line) => line.includes("not found"));
  if (missing.length) throw new Error(`${path.basename(core)} still misses: ${missing.map((l) => l.trim()).join("; ")}`);
  return runtime;
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
