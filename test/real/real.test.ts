/**
 * Real Paddle is the judge: for each paddlepaddle release with a wheel for
 * this Python, and each toolkit package from the registry,
 *   - CONTROL: the toolkit's own export, unpatched;
 *   - FIX: the built CLI over a copy of the installed package, as a user runs
 *     it (default options, detection on, --python naming that environment);
 *   - PATCHED: the same export from the fixed copy, which must write the
 *     inference files, load, and match the dygraph model on a fixed input;
 *   - PLAIN: the copy fixed with --style plain (a bare full_graph=True);
 * plus, per release, what the guard returns in process and which attributes
 * of an SOT-converted function really raise.
 *
 * Everything runs from one beforeAll, a few processes at a time; the tests
 * then read the results, and afterAll writes test/real/RESULTS.md.
 *
 * PADDLE_FULLGRAPH_FIX_REAL_RELEASES picks releases: "all" (the default,
 * CI's too: about 8 minutes from an empty cache), "short" (SHORT_RUN, for a
 * machine where that is too long) or a comma-separated list.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT } from "../helpers/cli.js";
import { pool } from "../helpers/pool.js";
import { runTool } from "../helpers/export-run.js";
import { findRelease } from "../helpers/fake-paddle.js";
import { type BasePython, basePython, CACHE_DIR, type Command, type EnvState, ensureEnv, run, tail } from "./envs.js";
import { SHORT_RUN, type Model, modelsOf, otherFailureOn, RELEASES, type Toolkit, TOOLKITS } from "./matrix.js";
import { type DriverRun, type FixRun, type GuardProbe, type ReleaseResult, writeResults } from "./results.js";

const DRIVERS = path.join(ROOT, "test", "real", "drivers");
const GUARD_PY = path.join(ROOT, "patches", "full-graph", "guard.py");
const PATCH_JSON = path.join(ROOT, "patches", "full-graph", "patch.json");
/** A file fixed by 0.1.0 (the guard text before this one): it must keep working. */
const PREVIOUS_GUARD_SOURCE = path.join(ROOT, "fixtures", "cases", "previous-guard", "input.py");
// \s+: Paddle 2.6.2 writes "function_spec  when" (two spaces).
const SOT_ERROR = /^RuntimeError: Can't call \w+\s+when full_graph=False\. Use paddle\.jit\.to_static\(full_graph=True\) instead\./;
/** Two runs at a time: the machine has two cores, and each run keeps one busy. */
const PARALLEL = 2;

function selectedReleases(): string[] {
  const wanted = process.env.PADDLE_FULLGRAPH_FIX_REAL_RELEASES ?? "all";
  if (wanted === "all") return RELEASES.map((r) => r.version);
  if (wanted === "short") return SHORT_RUN;
  const list = wanted.split(",").map((v) => v.trim()).filter(Boolean);
  const unknown = list.filter((v) => !RELEASES.some((r) => r.version === v));
  if (unknown.length) throw new Error(`PADDLE_FULLGRAPH_FIX_REAL_RELEASES names releases outside the matrix: ${unknown.join(", ")}`);
  return list;
}

const selected = selectedReleases();
const results = new Map<string, ReleaseResult>();
let base: BasePython;
let work = "";
const started = Date.now();

/** The driver's JSON (last stdout line), or the reason there is none. */
function driverResult(r: Command): DriverRun["result"] | string {
  const last = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last);
  } catch {
    return `exit ${r.code}, no JSON result:\n${tail(r.stderr)}`;
  }
}

/** Thread caps keep two parallel runs from fighting over the two cores; glog quiet. */
const QUIET = { OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", GLOG_minloglevel: "2" };

async function runDriver(python: string, driver: string, model: Model, kind: DriverRun["kind"], copy: string | null): Promise<DriverRun> {
  const out = mkdtempSync(path.join(work, `${model.name}-${kind}-`));
  const args = ["-P", path.join(DRIVERS, driver), "--model", model.name, "--out", path.join(out, "export")];
  const r = await run(python, args, {
    cwd: out,
    env: { ...QUIET, ...(copy ? { PYTHONPATH: copy } : {}) },
    timeoutMs: 15 * 60_000,
  });
  const result = driverResult(r);
  return typeof result === "string"
    ? { kind, model: model.name, seconds: r.seconds, crash: result }
    : { kind, model: model.name, seconds: r.seconds, result };
}

/** Copies the toolkit's installed folders and runs the CLI over the copy, as a user would. */
async function fixCopy(env: Extract<EnvState, { status: "ready" }>, toolkit: Toolkit, style: "guarded" | "plain"): Promise<FixRun> {
  const copy = path.join(work, env.release, toolkit.id, style);
  mkdirSync(copy, { recursive: true });
  for (const pkg of toolkit.packages) cpSync(path.join(env.sitePackages, pkg), path.join(copy, pkg), { recursive: true });
  const args = ["--json", "--python", env.python, ...(style === "plain" ? ["--style", "plain"] : []), copy];
  // From inside the copy, as a user runs it in a checkout: the report's paths are the package's own.
  const started = Date.now();
  const r = await runTool(args, copy, 5 * 60_000);
  let report: FixRun["report"] = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    /* reported below through code and stderr */
  }
  return { style, copy, code: r.code, stderr: tail(r.stderr), seconds: (Date.now() - started) / 1000, report };
}

async function probeGuard(env: Extract<EnvState, { status: "ready" }>): Promise<GuardProbe | string> {
  const dir = mkdtempSync(path.join(work, `probe-${env.release}-`));
  const previous = path.join(dir, "previous_guard.py");
  const text = readFileSync(PREVIOUS_GUARD_SOURCE, "utf8");
  writeFileSync(previous, text.slice(text.indexOf("# >>> paddle-fullgraph-fix"), text.indexOf("# <<< paddle-fullgraph-fix")));
  const r = await run(env.python, ["-P", path.join(DRIVERS, "probe_paddle.py"), GUARD_PY, previous, PATCH_JSON, dir], {
    cwd: dir,
    env: QUIET,
  });
  const result = driverResult(r);
  return typeof result === "string" ? result : (result as unknown as GuardProbe);
}

beforeAll(async () => {
  base = await basePython();
  work = mkdtempSync(path.join(os.tmpdir(), "pfgf-real-"));
  const rows = RELEASES.filter((r) => selected.includes(r.version));
  // Environments first (downloads and installs, two at a time), then every process run.
  const envs = await pool(
    rows.map((row) => () => ensureEnv(row, base)),
    PARALLEL,
  );
  const jobs: (() => Promise<void>)[] = [];
  for (const [i, row] of rows.entries()) {
    const env = envs[i];
    const result: ReleaseResult = { row, env, guard: null, toolkits: [] };
    results.set(row.version, result);
    if (env.status !== "ready") continue;
    jobs.push(async () => {
      result.guard = await probeGuard(env);
    });
    for (const toolkit of TOOLKITS) {
      const entry: ReleaseResult["toolkits"][number] = { toolkit, fixes: {}, runs: [] };
      result.toolkits.push(entry);
      jobs.push(async () => {
        entry.fixes.guarded = await fixCopy(env, toolkit, "guarded");
        entry.fixes.plain = await fixCopy(env, toolkit, "plain");
        if (!("driver" in toolkit.export)) return;
        const { driver } = toolkit.export;
        const runs = modelsOf(toolkit).flatMap((model) => [
          () => runDriver(env.python, driver, model, "control", null),
          () => runDriver(env.python, driver, model, "patched", entry.fixes.guarded!.copy),
          () => runDriver(env.python, driver, model, "plain", entry.fixes.plain!.copy),
        ]);
        // Each toolkit's runs go one after another; the pool keeps two toolkits busy.
        for (const job of runs) entry.runs.push(await job());
      });
    }
  }
  await pool(jobs, PARALLEL);
}, 85 * 60_000);

afterAll(() => {
  if (base && results.size) {
    const table = writeResults(path.join(ROOT, "test", "real", "RESULTS.md"), {
      base,
      cacheDir: CACHE_DIR,
      selected,
      seconds: (Date.now() - started) / 1000,
      releases: RELEASES.filter((r) => selected.includes(r.version)).map((r) => results.get(r.version)!),
    });
    console.log(table);
  }
  if (work && !process.env.PADDLE_FULLGRAPH_FIX_REAL_KEEP) rmSync(work, { recursive: true, force: true });
  else if (work) console.log(`kept the copies and exports in ${work}`);
});

function ready(version: string): ReleaseResult & { env: Extract<EnvState, { status: "ready" }> } {
  const r = results.get(version)!;
  if (r.env.status !== "ready") throw new Error(`no environment for ${version}: ${r.env.reason}`);
  return r as ReleaseResult & { env: Extract<EnvState, { status: "ready" }> };
}

function runOf(version: string, toolkit: Toolkit, model: Model, kind: DriverRun["kind"]): NonNullable<DriverRun["result"]> {
  const entry = ready(version).toolkits.find((t) => t.toolkit.id === toolkit.id)!;
  const found = entry.runs.find((r) => r.model === model.name && r.kind === kind);
  if (!found) throw new Error(`no ${kind} run of ${toolkit.id}/${model.name} on ${version}`);
  if (!found.result) throw new Error(`${kind} run of ${toolkit.id}/${model.name} on ${version} crashed: ${found.crash}`);
  return found.result;
}

function expectExported(result: NonNullable<DriverRun["result"]>, copy: string): void {
  expect(result.package.startsWith(copy), `ran ${result.package}, not the fixed copy`).toBe(true);
  expect(result.export.ok, `${result.export.error}\n  at ${result.export.frame}`).toBe(true);
  expect(result.files.some((f) => f.endsWith(".pdiparams")), result.files.join(", ")).toBe(true);
  expect(result.files.some((f) => f.endsWith(".pdmodel") || f.endsWith(".json")), result.files.join(", ")).toBe(true);
  expect(result.load?.ok, `${result.load?.error}\n  at ${result.load?.frame}`).toBe(true);
  // numpy.allclose(saved, dygraph, rtol, atol) on every output, computed by the driver
  expect(result.load!.match, `max abs diff ${result.load!.maxAbsDiff}`).toBe(true);
  // and the outputs do depend on the input (ppdet) or spread (ppocr), so a match means something
  const { inputEffect, checks, atol } = result.load!;
  if (inputEffect != null) expect(inputEffect).toBeGreaterThan(100 * atol);
  for (const spread of (checks ?? []).flatMap((c) => c.refRange)) expect(spread).toBeGreaterThan(100 * atol);
  expect(inputEffect != null || (checks ?? []).length > 0, "the driver says how much the outputs vary").toBe(true);
}

describe.each(selected)("Paddle %s (real wheel)", (version) => {
  const row = RELEASES.find((r) => r.version === version)!;

  it("has an environment, or the registry has no wheel for this Python (then a stand-in covers it)", () => {
    const { env } = results.get(version)!;
    if (env.status === "failed") throw new Error(env.reason);
    if (env.status === "no-wheel") {
      // Said in RESULTS.md; npm test runs the stand-in row instead.
      expect(env.reason).toMatch(/^no cp\d+ wheel/);
      expect(findRelease(row.standIn).version.split(".").slice(0, 2)).toEqual(version.split(".").slice(0, 2));
    }
  });

  const withWheel = () => results.get(version)?.env.status === "ready";

  it("the guard passes full_graph=True and to_static converts whole-graph; the 0.1.0 guard text too", (ctx) => {
    if (!withWheel()) return ctx.skip();
    const { guard } = ready(version);
    if (typeof guard === "string" || !guard) throw new Error(`probe failed: ${guard}`);
    expect(guard.version).toBe(version);
    expect(guard.guard).toEqual({ kwargs: { full_graph: true }, converts: "ASTStaticFunction" });
    expect(guard.previous).toEqual({ kwargs: { full_graph: true }, converts: "ASTStaticFunction" });
    // without the keyword it is SOT: the reason the fix exists
    expect(guard.default).toBe("SymbolicStaticFunction");
  });

  it("patches/full-graph/patch.json lists exactly the attributes that raise under SOT", (ctx) => {
    if (!withWheel()) return ctx.skip();
    const { guard } = ready(version);
    if (typeof guard === "string" || !guard) throw new Error(`probe failed: ${guard}`);
    expect(Object.keys(guard.raising).sort()).toEqual([...guard.listed].sort());
    for (const message of Object.values(guard.raising)) expect(`RuntimeError: ${message}`).toMatch(SOT_ERROR);
  });

  describe.each(TOOLKITS.map((t) => [t.name, t] as const))("%s", (_name, toolkit) => {
    const entry = () => ready(version).toolkits.find((t) => t.toolkit.id === toolkit.id)!;

    it(`the CLI (default options, detection on) ${toolkit.cli === "fixes" ? "fixes the export calls" : "finds nothing to fix (training-time conversions only)"} and names the installed Paddle`, (ctx) => {
      if (!withWheel()) return ctx.skip();
      const { env } = ready(version);
      const fix = entry().fixes.guarded!;
      expect(fix.code, fix.stderr).toBe(0);
      const report = fix.report!;
      expect(report.environment.paddle).toMatchObject({ version, raw: version, distribution: "paddlepaddle", python: env.python });
      expect(report.summary.errors).toBe(0);
      const sites = report.files.flatMap((f) => f.sites ?? []);
      if (toolkit.cli === "fixes") expect(report.summary.fixed, JSON.stringify(report.files, null, 1)).toBeGreaterThan(0);
      else {
        expect(report.summary.fixed).toBe(0);
        expect(sites.length).toBeGreaterThan(0);
        for (const site of sites) expect(site).toMatchObject({ class: "other", action: "skipped" });
      }
    });

    if ("missing" in toolkit.export) {
      it(`export cannot run here: ${toolkit.export.missing}`, (ctx) => {
        if (!withWheel()) return ctx.skip();
        // said in RESULTS.md; what can be checked is that the package really has no export call of its own
        const sites = entry().fixes.guarded!.report!.files.flatMap((f) => f.sites ?? []);
        expect(sites.every((s) => s.class === "other")).toBe(true);
      });
      return;
    }

    describe.each(modelsOf(toolkit).map((m) => [m.name, m] as const))("model %s", (_m, model) => {
      const other = () => otherFailureOn(model, version);
      const expectOwnFailure = (result: NonNullable<DriverRun["result"]>) => {
        expect(result.export.ok).toBe(false);
        expect(result.export.error).not.toMatch(SOT_ERROR);
        expect(result.export.error).toMatch(other()!.error);
      };

      it("control: the unpatched export, as this release and toolkit make it end", (ctx) => {
        if (!withWheel()) return ctx.skip();
        const result = runOf(version, toolkit, model, "control");
        if (other()?.inControl) expectOwnFailure(result);
        else if (toolkit.control === "sot-error") {
          expect(result.export.ok).toBe(false);
          expect(result.export.error).toMatch(SOT_ERROR);
        } else {
          expect(result.export.ok, `${result.export.error}\n  at ${result.export.frame}`).toBe(true);
        }
      });

      const expectOutcome = (result: NonNullable<DriverRun["result"]>, copy: string) => {
        if (!other()) return expectExported(result, copy);
        // past the full_graph error, the export meets a failure of its own, recorded as such
        expect(result.package.startsWith(copy), `ran ${result.package}, not the fixed copy`).toBe(true);
        expectOwnFailure(result);
      };

      it("patched: exports, the saved model loads and matches the dygraph output (or fails only for a recorded reason of its own)", (ctx) => {
        if (!withWheel()) return ctx.skip();
        expectOutcome(runOf(version, toolkit, model, "patched"), entry().fixes.guarded!.copy);
      });

      it("plain (a bare full_graph=True): the same outcome on this release, which accepts the keyword", (ctx) => {
        if (!withWheel()) return ctx.skip();
        expectOutcome(runOf(version, toolkit, model, "plain"), entry().fixes.plain!.copy);
      });
    });
  });
});

it("the matrix names every release the issue asks for, and no run was left out", () => {
  expect(RELEASES.map((r) => r.version)).toEqual(expect.arrayContaining(["2.4.2", "2.5.2", "2.6.2", "3.0.0"]));
  for (const version of selected) expect(results.has(version), version).toBe(true);
  for (const r of results.values()) {
    if (r.env.status !== "ready") continue;
    for (const t of r.toolkits) expect(t.runs.length, `${r.row.version} ${t.toolkit.id}`).toBe(modelsOf(t.toolkit).length * 3);
  }
  expect(existsSync(CLI)).toBe(true);
  expect(readdirSync(DRIVERS).length).toBeGreaterThan(0);
});
