/**
 * Finding the Python interpreter and asking it, once, which paddle
 * distributions it has installed.
 *
 * The interpreter runs in isolated mode without site (`-I -S`), from a
 * neutral working directory, with an argument array (no shell), under a
 * timeout: nothing from the checkout, PYTHONPATH, sitecustomize or .pth
 * import lines can run. If the query cannot tell (no importlib.metadata, a
 * crash, a timeout), the interpreter's site-packages are scanned from disk.
 */
import { accessSync, closeSync, openSync, promises as fs, readSync, statSync, constants as fsConstants } from "node:fs";
import os from "node:os";
import path from "node:path";
import { QUERY_MARKER, QUERY_SCRIPT } from "./query-script.js";
import { scanSiteDirectories, type RawDist } from "./metadata.js";
import type { InterpreterInfo, StaleVariable } from "../model.js";
import { DetectUsageError } from "./types.js";

export interface RunResult {
  stdout: string;
  stderr: string;
  /** Exit code, null when killed or never started. */
  exitCode: number | null;
  /** errno code when the program could not be started (ENOENT, EACCES, ENOEXEC, ...). */
  spawnError: string | null;
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** Runs a program with an argument array; injectable so tests can simulate failures. */
export type Runner = (file: string, args: string[], opts: RunOptions) => Promise<RunResult>;

export const execFileRunner: Runner = (file, args, opts) =>
  new Promise((resolve) => {
    // Loaded when an interpreter is asked: --no-detect and --revert never are.
    process.getBuiltinModule("node:child_process").execFile(
      file,
      args,
      {
        cwd: opts.cwd,
        env: opts.env,
        timeout: opts.timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: 8 * 1024 * 1024,
        windowsHide: true,
        encoding: "utf8",
        shell: false,
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ stdout, stderr, exitCode: 0, spawnError: null, timedOut: false });
          return;
        }
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: number | string };
        const spawnError = typeof e.code === "string" ? e.code : null;
        const timedOut = spawnError === null && e.killed === true;
        resolve({
          stdout: stdout ?? "",
          stderr: stderr ?? "",
          exitCode: typeof e.code === "number" ? e.code : null,
          spawnError,
          timedOut,
        });
      },
    );
  });

export interface Located {
  path: string;
  origin: InterpreterInfo["origin"];
}

// These two run synchronously (a few system calls on one file): with them,
// everything before the interpreter's spawn happens in the call that starts
// detection, so the query runs on another core while the files are walked.
async function isExecutableFile(p: string): Promise<boolean> {
  return isExecutableFileSync(p);
}

function isExecutableFileSync(p: string): boolean {
  try {
    const st = statSync(p);
    if (!st.isFile()) return false;
    if (process.platform === "win32") return true;
    accessSync(p, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the file starts like a program (ELF, Mach-O, PE, or a `#!` script).
 * A text file without `#!` is refused before it is run: exec would hand it
 * to /bin/sh.
 */
async function looksLikeProgram(p: string): Promise<boolean> {
  let fd: number | undefined;
  try {
    fd = openSync(p, "r");
    const buf = Buffer.alloc(4);
    const bytesRead = readSync(fd, buf, 0, 4, 0);
    if (bytesRead < 2) return false;
    const b = buf.subarray(0, bytesRead);
    if (b[0] === 0x23 && b[1] === 0x21) return true; // "#!"
    if (b[0] === 0x4d && b[1] === 0x5a) return true; // "MZ" (Windows)
    if (bytesRead < 4) return false;
    const word = b.readUInt32BE(0);
    return word === 0x7f454c46 || [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(word);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function envBin(prefix: string, conda: boolean): string[] {
  if (process.platform === "win32") {
    return conda ? [path.join(prefix, "python.exe")] : [path.join(prefix, "Scripts", "python.exe")];
  }
  return [path.join(prefix, "bin", "python"), path.join(prefix, "bin", "python3")];
}

function onPath(name: string, env: NodeJS.ProcessEnv): string[] {
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter((d) => d !== "");
  const exts = process.platform === "win32" ? [".exe", ""] : [""];
  return dirs.flatMap((d) => exts.map((x) => path.resolve(d, name + x)));
}

/**
 * The interpreter to ask: --python, else the active virtualenv / conda env,
 * else python3 then python on PATH. Null when there is none. Throws
 * DetectUsageError for a --python that does not exist or cannot be run.
 * A VIRTUAL_ENV or CONDA_PREFIX that was looked at and passed over (its
 * folder is gone, or holds no python) is added to `stale`: the caller says
 * so rather than falling back in silence.
 */
export async function locatePython(python: string | undefined, env: NodeJS.ProcessEnv, stale: StaleVariable[] = []): Promise<Located | null> {
  if (python !== undefined) {
    let p = path.resolve(python);
    // A bare command name ("python3.11") that is not a file here is looked up on PATH.
    if (!python.includes("/") && !python.includes(path.sep) && !(await isExecutableFile(p))) {
      for (const c of onPath(python, env)) {
        if (await isExecutableFile(c)) {
          p = c;
          break;
        }
      }
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new DetectUsageError(`--python ${python}: no such file`);
    }
    if (!st.isFile()) throw new DetectUsageError(`--python ${python}: not a file`);
    if (!(await isExecutableFile(p))) throw new DetectUsageError(`--python ${python}: not executable`);
    if (!(await looksLikeProgram(p))) throw new DetectUsageError(`--python ${python}: not a Python interpreter (not a program)`);
    return { path: p, origin: "flag" };
  }
  const usable = async (p: string) => (await isExecutableFile(p)) && (await looksLikeProgram(p));
  for (const name of ["VIRTUAL_ENV", "CONDA_PREFIX"] as const) {
    const prefix = env[name];
    if (!prefix) continue;
    const bins = envBin(prefix, name === "CONDA_PREFIX");
    for (const p of bins) if (await usable(p)) return { path: p, origin: name };
    const st = await fs.stat(prefix).catch(() => null);
    const problem = !st ? "missing" : st.isDirectory() ? "no-python" : "not-a-folder";
    stale.push({ name, value: prefix, problem, looked: bins });
  }
  for (const name of ["python3", "python"]) for (const p of onPath(name, env)) if (await usable(p)) return { path: p, origin: "PATH" };
  return null;
}

interface QueryAnswer {
  marker: string;
  executable: string | null;
  python: string | null;
  paths: string[];
  dists: RawDist[] | null;
  error: string | null;
}

function parseAnswer(stdout: string): QueryAnswer | null {
  const start = stdout.indexOf("{");
  if (start < 0) return null;
  let data: unknown;
  try {
    data = JSON.parse(stdout.slice(start));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.marker !== QUERY_MARKER) return null;
  const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
  const paths = Array.isArray(d.paths) ? d.paths.filter((p): p is string => typeof p === "string") : [];
  let dists: RawDist[] | null = null;
  if (Array.isArray(d.dists)) {
    dists = [];
    for (const item of d.dists) {
      if (typeof item !== "object" || item === null) continue;
      const r = item as Record<string, unknown>;
      const name = str(r.name);
      const version = str(r.version);
      if (!name || !version) continue;
      dists.push({
        name,
        version,
        location: str(r.location),
        metadataDir: str(r.metadataDir),
        directUrl: str(r.directUrl),
        installer: str(r.installer),
      });
    }
  }
  return { marker: QUERY_MARKER, executable: str(d.executable), python: str(d.python), paths, dists, error: str(d.error) };
}

/**
 * Site directories guessed from where the interpreter sits, for when it could
 * not be asked: `<prefix>/lib/pythonX.Y/site-packages` (venv, conda, posix
 * installs), `<prefix>/Lib/site-packages` (Windows), Debian's dist-packages.
 */
export async function siteDirectoriesFromLayout(python: string): Promise<string[]> {
  const prefixes: string[] = [path.dirname(path.dirname(path.resolve(python)))];
  let real: string | null = null;
  try {
    real = await fs.realpath(python);
  } catch {
    real = null;
  }
  const cfg = await fs.readFile(path.join(prefixes[0]!, "pyvenv.cfg"), "utf8").catch(() => null);
  if (cfg !== null) {
    if (/^\s*include-system-site-packages\s*=\s*true\s*$/im.test(cfg) && real) prefixes.push(path.dirname(path.dirname(real)));
  } else if (real) {
    const realPrefix = path.dirname(path.dirname(real));
    if (!prefixes.includes(realPrefix)) prefixes.push(realPrefix);
  }
  const wantVersion = /python(\d+\.\d+)/.exec(path.basename(real ?? python))?.[1] ?? null;
  const dirs: string[] = [];
  for (const prefix of prefixes) {
    for (const lib of ["lib", "lib64", path.join("local", "lib")]) {
      let names: string[] = [];
      try {
        names = (await fs.readdir(path.join(prefix, lib))).filter((n) => /^python\d/.test(n)).sort();
      } catch {
        continue;
      }
      if (wantVersion && names.includes(`python${wantVersion}`)) names = [`python${wantVersion}`];
      for (const n of names) for (const sp of ["site-packages", "dist-packages"]) dirs.push(path.join(prefix, lib, n, sp));
    }
    dirs.push(path.join(prefix, "Lib", "site-packages"));
  }
  const existing: string[] = [];
  for (const d of dirs) {
    try {
      if ((await fs.stat(d)).isDirectory() && !existing.includes(d)) existing.push(d);
    } catch {
      /* absent */
    }
  }
  return existing;
}

export interface InterpreterReport {
  info: InterpreterInfo;
  dists: RawDist[];
  /** Site directories that were searched. */
  paths: string[];
  warnings: string[];
}

/** The most telling line of an error output: the last one naming an error, else the last one. */
function oneLine(text: string, max = 160): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  const telling = lines.filter((l) => /error|unknown option|not found|denied|no such/i.test(l));
  const line = telling.pop() ?? lines.pop() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function describeFailure(r: RunResult): string {
  if (r.spawnError) return `could not be started (${r.spawnError})`;
  if (r.timedOut) return "timed out";
  const said = oneLine(r.stderr) || oneLine(r.stdout);
  const code = r.exitCode === null ? "was killed" : `exited with code ${r.exitCode}`;
  return said ? `${code}: ${said}` : `${code} without the expected answer`;
}

/**
 * Ask the interpreter (one spawn) for its paddle/paddledet distributions.
 * Throws DetectUsageError when an explicit --python turns out not to be a
 * Python; any other failure becomes a warning plus a scan of the directories
 * its layout suggests.
 */
export async function inspectInterpreter(
  loc: Located,
  opts: { env: NodeJS.ProcessEnv; timeoutMs: number; runner?: Runner },
): Promise<InterpreterReport> {
  const runner = opts.runner ?? execFileRunner;
  const warnings: string[] = [];
  const result = await runner(loc.path, ["-I", "-S", "-c", QUERY_SCRIPT], {
    cwd: os.tmpdir(),
    env: opts.env,
    timeoutMs: opts.timeoutMs,
  });
  const answer = result.exitCode === 0 ? parseAnswer(result.stdout) : null;
  const info: InterpreterInfo = {
    path: loc.path,
    origin: loc.origin,
    executable: answer?.executable ?? null,
    pythonVersion: answer?.python ?? null,
    read: "failed",
  };

  if (answer && answer.dists !== null) {
    info.read = "importlib";
    return { info, dists: answer.dists, paths: answer.paths, warnings };
  }

  let paths: string[];
  if (answer) {
    paths = answer.paths;
    warnings.push(
      `${loc.path} could not list distributions with importlib.metadata (${answer.error ?? "no reason given"}); read its site-packages from disk instead.`,
    );
  } else {
    if (loc.origin === "flag" && !result.timedOut) {
      throw new DetectUsageError(`--python ${loc.path} is not a usable Python 3 interpreter: it ${describeFailure(result)}`);
    }
    paths = await siteDirectoriesFromLayout(loc.path);
    const how = result.timedOut ? `timed out after ${opts.timeoutMs} ms` : describeFailure(result);
    warnings.push(
      paths.length > 0
        ? `Querying ${loc.path} ${how}; read the site-packages next to it from disk instead.`
        : `Querying ${loc.path} ${how}, and no site-packages was found next to it; Paddle version unknown.`,
    );
  }
  const dists = await scanSiteDirectories(paths, !answer);
  info.read = paths.length > 0 ? "site-packages" : "failed";
  return { info, dists, paths, warnings };
}
