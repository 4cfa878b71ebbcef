/**
 * Runs python3 for the runtime tests, in a predictable environment:
 * no inherited PYTHONPATH / ENABLE_FALL_BACK, no user site-packages, no
 * bytecode written next to fixture sources (-B), and a hard timeout.
 */
import { spawn } from "node:child_process";
import { delimiter } from "node:path";

export interface PythonResult {
  /** Exit code; -1 when the process was killed (timeout or signal). */
  code: number;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

export interface RunPythonOptions {
  cwd: string;
  /** Arguments after `python3 -B`, e.g. `["tools/export_model.py", ...]` or `["-c", code]`. */
  args: readonly string[];
  /** Entries for PYTHONPATH, in order (nothing is inherited). */
  pythonPath?: readonly string[];
  /** Extra environment; an `undefined` value removes the variable. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Kill the process after this long (default 20 s). */
  timeoutMs?: number;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Interpreter (default `PYTHON` from the environment, else `python3`). */
  python?: string;
}

/** Variables from the parent environment that would change how Python or the stand-ins behave. */
const SCRUBBED = [
  "PYTHONPATH",
  "PYTHONHOME",
  "PYTHONSTARTUP",
  "PYTHONINSPECT",
  "PYTHONWARNINGS",
  "PYTHONSAFEPATH",
  "ENABLE_FALL_BACK",
  "FLAGS_enable_pir_api",
] as const;

export function pythonEnv(
  pythonPath: readonly string[] = [],
  extra: Readonly<Record<string, string | undefined>> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED) delete env[name];
  env.PYTHONDONTWRITEBYTECODE = "1";
  env.PYTHONNOUSERSITE = "1";
  env.PYTHONIOENCODING = "utf-8";
  env.PYTHONUNBUFFERED = "1";
  if (pythonPath.length > 0) env.PYTHONPATH = pythonPath.join(delimiter);
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function runPython(options: RunPythonOptions): Promise<PythonResult> {
  const python = options.python ?? process.env.PYTHON ?? "python3";
  const timeoutMs = options.timeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    const child = spawn(python, ["-B", ...options.args], {
      cwd: options.cwd,
      env: pythonEnv(options.pythonPath, options.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        signal,
        timedOut,
      });
    });
    child.stdin.on("error", () => {
      /* the child may exit before reading stdin */
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Shorthand: `python3 -B -c code` with the same options. */
export function runPythonCode(
  code: string,
  options: Omit<RunPythonOptions, "args"> & { args?: readonly string[] },
): Promise<PythonResult> {
  return runPython({ ...options, args: ["-c", code, ...(options.args ?? [])] });
}
