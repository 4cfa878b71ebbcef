import path from "node:path";
import { writeFileSync, chmodSync, symlinkSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { detectEnvironment, DetectUsageError, detectEnvironmentWith } from "../../src/detect/index.js";
import { execFileRunner, inspectInterpreter, locatePython, type Runner } from "../../src/detect/interpreter.js";
import { QUERY_MARKER } from "../../src/detect/query-script.js";
import { QUERY_TIMEOUT_MS, addDist, bareEnv, cleanupTempDirs, fixture, makeVenv, tempDir, writeFiles, writeScript } from "../helpers/detect.js";

afterAll(cleanupTempDirs);

const NOT_A_CHECKOUT = fixture("not-a-checkout");

describe("Paddle from a real interpreter's distribution metadata", () => {
  it.each([
    ["paddlepaddle", "2.6.2", "2.6.2", false, "affected"],
    ["paddlepaddle-gpu", "0.0.0", "0.0.0", true, "affected"],
    ["paddlepaddle-gpu", "3.0.0b2", "3.0.0-beta.2", false, "affected"],
    ["paddlepaddle", "3.0.0-beta2", "3.0.0-beta.2", false, "affected"],
    ["paddlepaddle-gpu", "3.3.0.dev20251118", "3.3.0-dev.20251118", false, "affected"],
    ["paddlepaddle-gpu", "2.4.2.post120", "2.4.2", false, "not-affected"],
    ["paddlepaddle", "2.5.0rc0", "2.5.0-rc.0", false, "not-affected"],
    ["paddlepaddle-xpu", "2.5.2", "2.5.2", false, "not-affected"],
    ["paddlepaddle", "2.3.2", "2.3.2", false, "not-affected"],
  ] as const)("%s %s", async (dist, raw, version, develop, verdict) => {
    const venv = makeVenv();
    addDist(venv.site, dist, raw);
    addDist(venv.site, "numpy", "1.26.4");
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle).toEqual({
      version,
      raw,
      distribution: dist,
      python: venv.python,
      source: "importlib",
      develop,
      others: [],
    });
    expect(env.verdict.code).toBe(verdict);
    expect(env.interpreter?.read).toBe("importlib");
    expect(env.interpreter?.origin).toBe("flag");
  });

  it("reports two Paddle distributions installed at once, with a warning", async () => {
    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle", "2.6.2");
    addDist(venv.site, "paddlepaddle-gpu", "3.0.0");
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle?.distribution).toBe("paddlepaddle");
    expect(env.paddle?.others).toEqual([{ distribution: "paddlepaddle-gpu", raw: "3.0.0", version: "3.0.0" }]);
    const warning = env.warnings.find((w) => w.includes("2 Paddle distributions"));
    expect(warning).toMatch(/paddlepaddle 2\.6\.2, paddlepaddle-gpu 3\.0\.0/);
  });

  it("with two distributions, takes the one the installed paddle/version module names", async () => {
    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle", "2.4.2");
    addDist(venv.site, "paddlepaddle-gpu", "3.0.0b2");
    writeFiles(venv.site, { "paddle/version/__init__.py": "# stand-in for the generated module\nfull_version = '3.0.0-beta2'\nmajor = '3'\n" });
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle?.distribution).toBe("paddlepaddle-gpu");
    expect(env.paddle?.version).toBe("3.0.0-beta.2");
    expect(env.paddle?.others.map((o) => o.distribution)).toEqual(["paddlepaddle"]);
    expect(env.verdict.code).toBe("affected");
    expect(env.warnings.join("\n")).toMatch(/matches paddle\/version\/__init__\.py/);
  });

  it("finds no Paddle in an environment without one, and says so plainly", async () => {
    const venv = makeVenv();
    addDist(venv.site, "paddle2onnx", "1.0.0");
    addDist(venv.site, "paddlex", "3.0.0");
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle).toBeNull();
    expect(env.verdict.code).toBe("unknown");
    expect(env.interpreter?.path).toBe(venv.python);
  });

  it("matches distribution names however the metadata spells them", async () => {
    const venv = makeVenv();
    addDist(venv.site, "PaddlePaddle_GPU", "2.6.1");
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle?.distribution).toBe("paddlepaddle-gpu");
    expect(env.paddle?.version).toBe("2.6.1");
  });

  it("finds an egg-info install through a .pth path line without running .pth import lines", async () => {
    const venv = makeVenv();
    const elsewhere = tempDir();
    addDist(elsewhere, "paddlepaddle", "2.6.0", { eggInfo: true });
    const marker = path.join(tempDir(), "pth-import-ran");
    writeFileSync(path.join(venv.site, "extra.pth"), `${elsewhere}\nimport os; open(${JSON.stringify(marker)}, "w").close()\n`);
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle?.version).toBe("2.6.0");
    expect(env.paddle?.source).toBe("importlib");
    const { existsSync } = await import("node:fs");
    expect(existsSync(marker)).toBe(false);
  });
});

describe("which interpreter is asked", () => {
  it("prefers --paddle-version over everything and does not need an interpreter", async () => {
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, paddleVersion: "3.0.0b2", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle).toEqual({
      version: "3.0.0-beta.2",
      raw: "3.0.0b2",
      distribution: null,
      python: null,
      source: "flag",
      develop: false,
      others: [],
    });
    expect(env.interpreter).toBeNull();
    expect(env.verdict.code).toBe("affected");
  });

  it("lets --paddle-version win over --python, with a warning when they disagree", async () => {
    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle", "2.6.2");
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, paddleVersion: "2.4.2", python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddle?.source).toBe("flag");
    expect(env.paddle?.version).toBe("2.4.2");
    expect(env.verdict.code).toBe("not-affected");
    expect(env.warnings.join("\n")).toMatch(/--paddle-version 2\.4\.2 overrides paddlepaddle 2\.6\.2/);
  });

  it("rejects a --paddle-version that is not a version", async () => {
    await expect(detectEnvironment({ root: NOT_A_CHECKOUT, paddleVersion: "latest", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() })).rejects.toBeInstanceOf(DetectUsageError);
  });

  it("uses $VIRTUAL_ENV before $CONDA_PREFIX before PATH", async () => {
    const a = makeVenv();
    const b = makeVenv();
    const c = makeVenv();
    addDist(a.site, "paddlepaddle", "2.6.2");
    addDist(b.site, "paddlepaddle", "2.5.2");
    addDist(c.site, "paddlepaddle", "2.4.2");
    const binC = path.join(c.dir, "bin");
    let env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ VIRTUAL_ENV: a.dir, CONDA_PREFIX: b.dir, PATH: binC }) });
    expect(env.paddle?.raw).toBe("2.6.2");
    expect(env.interpreter?.origin).toBe("VIRTUAL_ENV");
    env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ CONDA_PREFIX: b.dir, PATH: binC }) });
    expect(env.paddle?.raw).toBe("2.5.2");
    expect(env.interpreter?.origin).toBe("CONDA_PREFIX");
    env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ PATH: binC }) });
    expect(env.paddle?.raw).toBe("2.4.2");
    expect(env.interpreter?.origin).toBe("PATH");
  });

  it("skips a $VIRTUAL_ENV whose interpreter is gone", async () => {
    const c = makeVenv();
    addDist(c.site, "paddlepaddle", "2.6.2");
    const gone = path.join(tempDir(), "deleted-venv");
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ VIRTUAL_ENV: gone, PATH: path.join(c.dir, "bin") }) });
    expect(env.interpreter?.origin).toBe("PATH");
    expect(env.paddle?.raw).toBe("2.6.2");
    // ...and says so, rather than falling back in silence.
    expect(env.staleVariables?.map((s) => s.variable)).toEqual([{ name: "VIRTUAL_ENV", value: gone, problem: "missing", looked: [path.join(gone, "bin/python"), path.join(gone, "bin/python3")] }]);
    const warning = env.staleVariables![0].warning;
    expect(warning).toBe(
      `VIRTUAL_ENV=${gone} points to a folder that does not exist (a deleted or moved virtualenv still active in this shell?); ` +
        `Paddle was read from ${path.join(c.dir, "bin/python3")} (first on PATH) instead. Activate the environment the export runs in, or name its interpreter with --python PATH`,
    );
    expect(env.warnings).toContain(warning);
  });

  it("warns of a $VIRTUAL_ENV or $CONDA_PREFIX without a python, or that is not a folder; not of one never looked at", async () => {
    const c = makeVenv();
    const empty = tempDir();
    const file = path.join(tempDir(), "not-a-folder");
    writeFileSync(file, "");
    const PATH = path.join(c.dir, "bin");
    let env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ VIRTUAL_ENV: empty, CONDA_PREFIX: file, PATH }) });
    expect(env.staleVariables?.map((s) => [s.variable.name, s.variable.problem])).toEqual([["VIRTUAL_ENV", "no-python"], ["CONDA_PREFIX", "not-a-folder"]]);
    expect(env.staleVariables![0].warning).toMatch(/^VIRTUAL_ENV=\S+ points to a folder without a usable python \(looked for \S+\/bin\/python, \S+\/bin\/python3\)/);
    expect(env.staleVariables![1].warning).toMatch(/^CONDA_PREFIX=\S+ does not point to a folder; Paddle was read from/);
    // Nothing else to fall back on.
    env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ CONDA_PREFIX: empty, PATH: "" }) });
    expect(env.interpreter).toBeNull();
    expect(env.staleVariables![0].warning).toMatch(/^CONDA_PREFIX=\S+ points to a folder without a usable python .*; no other Python was found either\./);
    // A working VIRTUAL_ENV wins before CONDA_PREFIX is looked at; --paddle-version alone looks at neither.
    env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ VIRTUAL_ENV: c.dir, CONDA_PREFIX: file, PATH }) });
    expect(env.interpreter?.origin).toBe("VIRTUAL_ENV");
    expect(env.staleVariables).toBeUndefined();
    env = await detectEnvironment({ root: NOT_A_CHECKOUT, paddleVersion: "3.0.0", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ VIRTUAL_ENV: empty }) });
    expect(env.staleVariables).toBeUndefined();
  });

  it("looks for python3 on the whole PATH before python", async () => {
    const withPython3 = makeVenv();
    const withPython = makeVenv();
    addDist(withPython3.site, "paddlepaddle", "3.0.0");
    addDist(withPython.site, "paddlepaddle", "2.4.2");
    const dir1 = tempDir();
    const dir2 = tempDir();
    writeScript(path.join(dir1, "python"), `exec ${JSON.stringify(withPython.python)} "$@"`);
    writeScript(path.join(dir2, "python3"), `exec ${JSON.stringify(withPython3.python)} "$@"`);
    const located = await locatePython(undefined, bareEnv({ PATH: `${dir1}${path.delimiter}${dir2}` }));
    expect(located).toEqual({ path: path.join(dir2, "python3"), origin: "PATH" });
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ PATH: `${dir1}${path.delimiter}${dir2}` }) });
    expect(env.paddle?.raw).toBe("3.0.0");
  });

  it("looks a bare --python name up on PATH", async () => {
    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle", "2.6.2");
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: "python3", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ PATH: path.join(venv.dir, "bin") }) });
    expect(env.interpreter?.path).toBe(path.join(venv.dir, "bin", "python3"));
    expect(env.paddle?.raw).toBe("2.6.2");
    await expect(
      detectEnvironment({ root: NOT_A_CHECKOUT, python: "python3", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ PATH: tempDir() }) }),
    ).rejects.toBeInstanceOf(DetectUsageError);
  });

  it("finds nothing when there is no interpreter at all, and carries on", async () => {
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ PATH: tempDir() }) });
    expect(env.paddle).toBeNull();
    expect(env.interpreter).toBeNull();
    expect(env.verdict.code).toBe("unknown");
  });
});

describe("--python that is not a Python", () => {
  it("a missing file", async () => {
    const missing = path.join(tempDir(), "no-such-python");
    const err = await detectEnvironment({ root: NOT_A_CHECKOUT, python: missing, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DetectUsageError);
    expect((err as Error).message).toContain(missing);
    expect((err as Error).message).not.toContain("\n");
  });

  it("/bin/false", async () => {
    const err = await detectEnvironment({ root: NOT_A_CHECKOUT, python: "/bin/false", timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DetectUsageError);
    expect((err as Error).message).toMatch(/not a usable Python/);
    expect((err as Error).message).not.toContain("\n");
  });

  it("a text file, executable or not, is refused without being run", async () => {
    const dir = tempDir();
    const marker = path.join(dir, "ran");
    const text = path.join(dir, "python.txt");
    writeFileSync(text, `touch ${marker}\n`);
    await expect(detectEnvironment({ root: NOT_A_CHECKOUT, python: text, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() })).rejects.toBeInstanceOf(DetectUsageError);
    chmodSync(text, 0o755);
    await expect(detectEnvironment({ root: NOT_A_CHECKOUT, python: text, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() })).rejects.toBeInstanceOf(DetectUsageError);
    const { existsSync } = await import("node:fs");
    expect(existsSync(marker)).toBe(false);
  });

  it("a Python 2 (no -I option) names the reason on one line", async () => {
    const py2 = writeScript(
      path.join(tempDir(), "python2.7"),
      'echo "Unknown option: -I" >&2; echo "usage: python2.7 [option] ..." >&2; echo "Try python -h for more information." >&2; exit 2',
    );
    const err = await detectEnvironment({ root: NOT_A_CHECKOUT, python: py2, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DetectUsageError);
    expect((err as Error).message).toMatch(/exited with code 2: Unknown option: -I$/);
  });

  it("a directory", async () => {
    await expect(detectEnvironment({ root: NOT_A_CHECKOUT, python: tempDir(), timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() })).rejects.toBeInstanceOf(DetectUsageError);
  });

  it("a program that answers something else", async () => {
    const fake = writeScript(path.join(tempDir(), "python"), 'echo "{\\"hello\\": 1}"');
    await expect(detectEnvironment({ root: NOT_A_CHECKOUT, python: fake, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() })).rejects.toBeInstanceOf(DetectUsageError);
  });
});

describe("site-packages fallback", () => {
  it("scans the directories an interpreter without importlib.metadata reports", async () => {
    // A stand-in for a Python 3.7 interpreter: it answers the query but cannot list distributions.
    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle-gpu", "2.4.2.post117");
    const answer = { marker: QUERY_MARKER, executable: "/fake/python3.7", python: "3.7.16", paths: [venv.site], dists: null, error: "importlib.metadata unavailable: No module named 'importlib.metadata'" };
    const fake = writeScript(path.join(tempDir(), "bin", "python3.7"), `cat <<'JSON'\n${JSON.stringify(answer)}\nJSON`);
    const env = await detectEnvironment({ root: NOT_A_CHECKOUT, python: fake, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ PATH: "/usr/bin:/bin" }) });
    expect(env.paddle).toMatchObject({ version: "2.4.2", raw: "2.4.2.post117", distribution: "paddlepaddle-gpu", source: "site-packages", python: fake });
    expect(env.interpreter?.read).toBe("site-packages");
    expect(env.warnings.join("\n")).toMatch(/importlib\.metadata/);
  });

  it("reads the venv layout when an auto-detected interpreter's query fails", async () => {
    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle", "2.6.2");
    const crash: Runner = async () => ({ stdout: "", stderr: "Fatal Python error: init_fs_encoding\n", exitCode: 1, spawnError: null, timedOut: false });
    const env = await detectEnvironmentWith({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv({ VIRTUAL_ENV: venv.dir }) }, crash);
    expect(env.paddle).toMatchObject({ version: "2.6.2", distribution: "paddlepaddle", source: "site-packages", python: venv.python });
    expect(env.warnings.join("\n")).toMatch(/Fatal Python error/);
  });

  it("a timeout of an explicit --python is no usage error: the layout is read instead", async () => {
    const venv = makeVenv();
    addDist(venv.site, "paddlepaddle-gpu", "3.0.0b2");
    const slow: Runner = async () => ({ stdout: "", stderr: "", exitCode: null, spawnError: null, timedOut: true });
    const env = await detectEnvironmentWith({ root: NOT_A_CHECKOUT, python: venv.python, env: bareEnv(), timeoutMs: 1234 }, slow);
    expect(env.paddle?.version).toBe("3.0.0-beta.2");
    expect(env.paddle?.source).toBe("site-packages");
    expect(env.warnings.join("\n")).toMatch(/timed out after 1234 ms/);
  });

  it("starts the query within the call, before any turn of the event loop (so it runs while the walk blocks)", async () => {
    // Issue 16: the lookup before the spawn is synchronous. With an async stat,
    // access and open per candidate the spawn would wait several turns.
    const bin = tempDir();
    writeFileSync(path.join(bin, "python3"), "#!/bin/sh\nexit 1\n");
    chmodSync(path.join(bin, "python3"), 0o755);
    for (const options of [{ python: process.execPath, env: bareEnv() }, { env: bareEnv({ PATH: bin }) }]) {
      let spawned = false;
      const runner: Runner = async () => {
        spawned = true;
        return { stdout: "", stderr: "", exitCode: 1, spawnError: null, timedOut: false };
      };
      const done = detectEnvironmentWith({ root: NOT_A_CHECKOUT, timeoutMs: QUERY_TIMEOUT_MS, ...options }, runner).catch(() => null);
      await new Promise((resolve) => setImmediate(resolve));
      expect(spawned).toBe(true);
      await done;
    }
  });

  it("an explicit --python whose query fails outright is a usage error", async () => {
    const venv = makeVenv();
    const crash: Runner = async () => ({ stdout: "", stderr: "boom", exitCode: 1, spawnError: null, timedOut: false });
    await expect(detectEnvironmentWith({ root: NOT_A_CHECKOUT, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() }, crash)).rejects.toBeInstanceOf(DetectUsageError);
  });

  it("the real runner kills a query that runs past the timeout", async () => {
    const sleeper = writeScript(path.join(tempDir(), "python"), "sleep 30");
    const r = await execFileRunner(sleeper, [], { cwd: tempDir(), env: bareEnv({ PATH: "/usr/bin:/bin" }), timeoutMs: 200 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
  });

  it("runs the interpreter once, isolated, without site, from a neutral directory, with an argument array", async () => {
    const venv = makeVenv();
    const calls: { file: string; args: string[]; cwd: string }[] = [];
    const spy: Runner = async (file, args, opts) => {
      calls.push({ file, args, cwd: opts.cwd });
      return execFileRunner(file, args, opts);
    };
    const checkout = fixture("pd-2.4");
    await inspectInterpreter({ path: venv.python, origin: "flag" }, { env: bareEnv(), timeoutMs: QUERY_TIMEOUT_MS, runner: spy });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args.slice(0, 3)).toEqual(["-I", "-S", "-c"]);
    expect(path.resolve(calls[0]!.cwd).startsWith(path.resolve(checkout))).toBe(false);
    const env2 = await detectEnvironmentWith({ root: checkout, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() }, spy);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.cwd).not.toBe(checkout);
    expect(env2.paddledetection?.version).toBe("2.4.0");
  });
});

describe("installed paddledet", () => {
  function checkoutWithoutVersion(): string {
    const root = path.join(tempDir(), "PaddleDetection");
    writeFiles(root, { "ppdet/__init__.py": "", "setup.py": "from setuptools import setup\nsetup(name='paddledet', version=open('VERSION').read())\n" });
    return root;
  }

  it("an editable install of this checkout gives the version when the checkout names none", async () => {
    const root = checkoutWithoutVersion();
    const venv = makeVenv();
    addDist(venv.site, "paddledet", "2.6.0", { directUrl: { url: `file://${root}`, dir_info: { editable: true } } });
    const env = await detectEnvironment({ root, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddledetection).toMatchObject({ version: "2.6.0", raw: "2.6.0", source: "installed paddledet", kind: "paddledetection" });
    expect(env.warnings.filter((w) => w.includes("paddledet"))).toEqual([]);
  });

  it("a `setup.py develop` install (path line in a .pth) counts as this checkout", async () => {
    const root = checkoutWithoutVersion();
    addDist(root, "paddledet", "2.5.0", { eggInfo: true });
    const venv = makeVenv();
    writeFileSync(path.join(venv.site, "easy-install.pth"), `${root}\n`);
    const env = await detectEnvironment({ root, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddledetection?.version).toBe("2.5.0");
    expect(env.paddledetection?.source).toBe("installed paddledet");
  });

  it("warns about a paddledet installed from somewhere else, and does not take its version", async () => {
    const root = fixture("pd-2.4");
    const venv = makeVenv();
    addDist(venv.site, "paddledet", "2.6.0", { directUrl: { url: "file:///somewhere/else/PaddleDetection", dir_info: {} } });
    const env = await detectEnvironment({ root, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddledetection?.version).toBe("2.4.0");
    expect(env.warnings.join("\n")).toMatch(/paddledet 2\.6\.0 is also installed in .* from \/somewhere\/else\/PaddleDetection, not from this checkout/);
  });

  it("warns about a paddledet from PyPI (no direct_url.json)", async () => {
    const root = fixture("pd-develop");
    const venv = makeVenv();
    addDist(venv.site, "paddledet", "2.6.0");
    const env = await detectEnvironment({ root, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.paddledetection?.version).toBeNull();
    expect(env.warnings.join("\n")).toMatch(/paddledet 2\.6\.0 is also installed in .*site-packages, not from this checkout/);
  });

  it("notes a non-editable copy installed from this checkout (through a symlinked path too)", async () => {
    const real = fixture("pd-2.4");
    const link = path.join(tempDir(), "link-to-checkout");
    symlinkSync(real, link);
    const venv = makeVenv();
    addDist(venv.site, "paddledet", "2.4.0", { directUrl: { url: `file://${link}`, dir_info: {} } });
    const env = await detectEnvironment({ root: real, python: venv.python, timeoutMs: QUERY_TIMEOUT_MS, env: bareEnv() });
    expect(env.warnings.join("\n")).toMatch(/installed from this checkout as a copy \(not editable\)/);
  });
});
