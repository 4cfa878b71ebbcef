/**
 * Paddle and PaddleDetection versions of the environment a checkout is
 * fixed in. Paddle comes from --paddle-version, else from one isolated query
 * of the interpreter's distribution metadata (never `import paddle`);
 * PaddleDetection from static reads of the checkout (never executed).
 */
import { detectToolkit } from "./toolkit.js";
import { inspectInterpreter, locatePython, type InterpreterReport, type Runner } from "./interpreter.js";
import { paddleFromDistributions, paddleFromFlag } from "./paddle.js";
import { findPaddlePin, paddleFromPin } from "./pins.js";
import { computeVerdict } from "./verdict.js";
import { installedToolkits } from "./installed.js";
import type { Environment, InstalledToolkits, InterpreterInfo, PaddleInfo, StaleVariable } from "../model.js";
import { DetectUsageError, type DetectOptions } from "./types.js";

export { DetectUsageError, type DetectOptions } from "./types.js";
export { installedFolders, recordMismatches } from "./installed.js";
export { TOOLKITS, toolkitName } from "./layout.js";
export { normalizePaddleVersion, supportsFullGraphKeyword } from "./versions.js";
export { computeVerdict, formatEnvironmentHeader } from "./verdict.js";

export const DEFAULT_TIMEOUT_MS = 5000;

/** detectEnvironment with an injectable process runner (tests simulate failing interpreters with it). */
export async function detectEnvironmentWith(opts: DetectOptions, runner?: Runner): Promise<Environment> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const warnings: string[] = [];

  // A bad flag is a usage error before any work is done.
  const flagged: PaddleInfo | null = opts.paddleVersion !== undefined ? paddleFromFlag(opts.paddleVersion) : null;

  // With --paddle-version alone, no interpreter is asked; with --python too, it
  // is still asked for the installed paddledet (and a disagreeing paddle).
  let report: InterpreterReport | null = null;
  const stale: StaleVariable[] = [];
  if (flagged === null || opts.python !== undefined || opts.installed) {
    const located = await locatePython(opts.python, env, stale);
    if (located) report = await inspectInterpreter(located, { env, timeoutMs, runner });
  }
  let installed: InstalledToolkits | undefined;
  let root = opts.root;
  if (opts.installed) {
    if (!report || report.info.read === "failed") {
      const why = report ? `${report.info.path} could not be read (${report.warnings.join(" ")})` : "no Python interpreter was found (no VIRTUAL_ENV, CONDA_PREFIX, python3 or python on PATH)";
      throw new DetectUsageError(`--installed: ${why}; name the interpreter the toolkit is installed for with --python PATH`);
    }
    installed = await installedToolkits(report);
    const first = installed.distributions.find((d) => d.folders.length);
    // The toolkit is read where it is installed: site-packages (installed
    // paddledet) or the clone of an editable install.
    if (first) root = first.editable ?? first.location;
  }
  const staleVariables = stale.map((variable) => ({ variable, warning: staleWarning(variable, report?.info ?? null) }));
  warnings.push(...staleVariables.map((s) => s.warning));
  if (report) warnings.push(...report.warnings);

  let paddle: PaddleInfo | null = flagged;
  if (report && report.info.read !== "failed") {
    const source = report.info.read;
    const fromEnv = await paddleFromDistributions(report.dists, report.info.path, source);
    if (flagged === null) {
      paddle = fromEnv.paddle;
      warnings.push(...fromEnv.warnings);
    } else if (fromEnv.paddle && fromEnv.paddle.version !== flagged.version) {
      warnings.push(
        `--paddle-version ${flagged.raw} overrides ${fromEnv.paddle.distribution} ${fromEnv.paddle.raw} installed for ${report.info.path}.`,
      );
    }
  }
  const detection = await detectToolkit(root, report ? report.dists : null);
  warnings.push(...detection.warnings);
  // The effective Paddle: the flag, else the installed one, else the checkout's pin.
  if (paddle === null) {
    const pinned = await findPaddlePin([root, detection.info.base ?? root]);
    if (pinned) paddle = paddleFromPin(pinned, root);
  }

  return {
    paddle,
    paddledetection: detection.info,
    verdict: computeVerdict(paddle),
    warnings,
    interpreter: report ? report.info : null,
    ...(staleVariables.length ? { staleVariables } : {}),
    ...(installed ? { installed } : {}),
  };
}

/** `VIRTUAL_ENV=/x points to a folder that does not exist (...); read /usr/bin/python3 (first on PATH) instead`. */
function staleWarning(s: StaleVariable, used: InterpreterInfo | null): string {
  const what = s.name === "VIRTUAL_ENV" ? "virtualenv" : "conda environment";
  const problem =
    s.problem === "missing"
      ? `points to a folder that does not exist (a deleted or moved ${what} still active in this shell?)`
      : s.problem === "not-a-folder"
        ? "does not point to a folder"
        : `points to a folder without a usable python (looked for ${s.looked.join(", ")})`;
  const instead = used
    ? `Paddle was read from ${used.path} (${used.origin === "PATH" ? "first on PATH" : `$${used.origin}`}) instead`
    : "no other Python was found either";
  return `${s.name}=${s.value} ${problem}; ${instead}. Activate the environment the export runs in, or name its interpreter with --python PATH`;
}

export async function detectEnvironment(opts: DetectOptions): Promise<Environment> {
  return detectEnvironmentWith(opts);
}

