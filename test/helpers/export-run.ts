/**
 * Runs a fake PaddleDetection checkout's `tools/export_model.py` (or
 * `tools/train.py`) against the stand-in paddle of one release.
 *
 * Works on any tree shaped like `fixtures/checkouts/<name>/input`, so the same
 * helper runs the unpatched inputs and, later, the patched `expected` trees.
 * Python writes no bytecode (-B) and exports into a temporary directory, so
 * the checkout itself is never modified.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fakePaddlePath, type FakePaddleOptions } from "./fake-paddle.js";
import { runPython, type PythonResult } from "./run-python.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CHECKOUTS_DIR = join(REPO_ROOT, "fixtures", "checkouts");

/** Config of the ordinary detector; every checkout has it. */
export const MAIN_CONFIG = "configs/tiny_det.yml";
/** Config that selects the semi-supervised ARSL trainer (2.6.1+ checkouts only). */
export const SSOD_CONFIG = "configs/ssod/arsl_tiny.yml";

export interface FakeCheckout {
  /** Folder under fixtures/checkouts. */
  readonly name: string;
  /** What the checkout imitates. */
  readonly ref: string;
  /** `PPDET_VERSION` in its setup.py. */
  readonly ppdetVersion: string;
  /** Has `ppdet/engine/trainer_ssod.py` with `Trainer_ARSL.export`. */
  readonly ssod: boolean;
  /** Main export already passes a bare `full_graph=True` (upstream's fix). */
  readonly upstreamFixed: boolean;
  /** Has the to_static training helper (`apply_to_static`, `--to_static`). */
  readonly toStaticTraining: boolean;
}

export const FAKE_CHECKOUTS: readonly FakeCheckout[] = [
  { name: "ppdet-2.2", ref: "v2.2.0", ppdetVersion: "2.2.0", ssod: false, upstreamFixed: false, toStaticTraining: false },
  { name: "ppdet-2.4", ref: "v2.4.0", ppdetVersion: "2.4.0", ssod: false, upstreamFixed: false, toStaticTraining: false },
  { name: "ppdet-2.6.0", ref: "v2.6.0", ppdetVersion: "2.6.0", ssod: false, upstreamFixed: false, toStaticTraining: true },
  { name: "ppdet-2.6.1", ref: "release/2.6.1", ppdetVersion: "0.0.0", ssod: true, upstreamFixed: true, toStaticTraining: true },
  { name: "ppdet-2.7", ref: "v2.7.0", ppdetVersion: "0.0.0", ssod: true, upstreamFixed: false, toStaticTraining: true },
  { name: "ppdet-develop", ref: "develop", ppdetVersion: "0.0.0", ssod: true, upstreamFixed: true, toStaticTraining: true },
];

/** `fixtures/checkouts/<name>/<tree>` (tree defaults to `input`). */
export function checkoutPath(name: string, tree: "input" | "expected" = "input"): string {
  return join(CHECKOUTS_DIR, name, tree);
}

export function hasSsodTrainer(checkoutDir: string): boolean {
  return existsSync(join(checkoutDir, SSOD_CONFIG)) && existsSync(join(checkoutDir, "ppdet", "engine", "trainer_ssod.py"));
}

export interface ExportOptions {
  /** Export through the semi-supervised trainer (`Trainer_ARSL.export`). */
  ssod?: boolean;
  /** Extra environment for Python, e.g. `{ ENABLE_FALL_BACK: "False" }`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Options for the stand-in paddle (e.g. an unreadable to_static signature). */
  paddle?: FakePaddleOptions;
  timeoutMs?: number;
}

export interface ExportResult extends PythonResult {
  /** The stand-in `paddle.jit.save` wrote its `.pdmodel` marker. */
  exported: boolean;
  /** Contents of that marker (release, how the forward was converted, inputs), or null. */
  model: string | null;
  /** The exported `infer_cfg.yml`, or null. */
  inferCfg: string | null;
}

function configStem(config: string): string {
  const base = config.split("/").pop() ?? config;
  return base.replace(/\.ya?ml$/, "");
}

async function readIfPresent(path: string): Promise<string | null> {
  return existsSync(path) ? readFile(path, "utf8") : null;
}

/**
 * `python3 tools/export_model.py -c <config> --output_dir <tmp>` inside
 * `checkoutDir`, with the stand-in paddle of `release` first on PYTHONPATH.
 * Resolves with the process result plus what was written; never rejects for
 * a failing export (only for a missing interpreter or a checkout without the
 * semi-supervised trainer when `ssod` is asked for).
 */
export async function runExport(
  checkoutDir: string,
  release: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  if (options.ssod && !hasSsodTrainer(checkoutDir)) {
    throw new Error(`${checkoutDir} has no semi-supervised trainer (${SSOD_CONFIG})`);
  }
  const config = options.ssod ? SSOD_CONFIG : MAIN_CONFIG;
  const paddleDir = await fakePaddlePath(release, options.paddle);
  const outDir = await mkdtemp(join(tmpdir(), "pfgf-export-"));
  try {
    const result = await runPython({
      cwd: checkoutDir,
      args: ["tools/export_model.py", "-c", config, "--output_dir", outDir],
      pythonPath: [paddleDir],
      env: options.env,
      timeoutMs: options.timeoutMs,
    });
    const saveDir = join(outDir, configStem(config));
    const model = await readIfPresent(join(saveDir, "model.pdmodel"));
    const inferCfg = await readIfPresent(join(saveDir, "infer_cfg.yml"));
    return { ...result, exported: model !== null, model, inferCfg };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

export interface TrainOptions {
  /** Pass `--to_static` (only checkouts with to_static training know it). */
  toStatic?: boolean;
  ssod?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
  paddle?: FakePaddleOptions;
  timeoutMs?: number;
}

/** `python3 tools/train.py -c <config> [--to_static]` inside `checkoutDir`. */
export async function runTrain(
  checkoutDir: string,
  release: string,
  options: TrainOptions = {},
): Promise<PythonResult> {
  if (options.ssod && !hasSsodTrainer(checkoutDir)) {
    throw new Error(`${checkoutDir} has no semi-supervised trainer (${SSOD_CONFIG})`);
  }
  const config = options.ssod ? SSOD_CONFIG : MAIN_CONFIG;
  const paddleDir = await fakePaddlePath(release, options.paddle);
  return runPython({
    cwd: checkoutDir,
    args: ["tools/train.py", "-c", config, ...(options.toStatic ? ["--to_static"] : [])],
    pythonPath: [paddleDir],
    env: options.env,
    timeoutMs: options.timeoutMs,
  });
}

/** One-line summary of a failed run, for assertion messages. */
export function describeRun(result: PythonResult): string {
  const tail = (text: string) => text.trim().split("\n").slice(-4).join("\n");
  return `exit ${result.code}${result.timedOut ? " (timed out)" : ""}\n--- stdout\n${tail(result.stdout)}\n--- stderr\n${tail(result.stderr)}`;
}

/** Result of one run of the built CLI. */
export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `node dist/cli.js ...args` in `cwd`, as a child process that does not block
 * the event loop (unlike test/helpers/cli.ts's spawnSync), so several runs
 * can overlap. Run `npm run build` first.
 */
export function runTool(args: readonly string[], cwd: string, timeoutMs = 60_000): Promise<ToolRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "dist", "cli.js"), ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}
