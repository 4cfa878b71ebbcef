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
 * of an SOT-converted function really raise; and on the releases marked
 * bareKeyword, a copy of the trainer with upstream's bare full_graph=True:
 * its export, the CLI's default run over it, and the export after that.
 * Releases before 2.6 run from the registry's CUDA wheels, on the CPU (envs.ts).
 *
 * Everything runs from one beforeAll, a few processes at a time; the tests
 * then read the results, and afterAll writes test/real/RESULTS.md.
 *
 * PADDLE_FULLGRAPH_FIX_REAL_RELEASES picks releases: "all" (the default,
 * CI's too: about 12 minutes from an empty cache), "short" (SHORT_RUN, for a
 * machine where that is too long) or a comma-separated list.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT } from "../helpers/cli.js";
import { pool } from "../helpers/pool.js";
import { runTool } from "../helpers/export-run.js";
import { findRelease, keywordErrorText } from "../helpers/fake-paddle.js";
import { type BasePython, basePython, CACHE_DIR, type Command, type EnvState, ensureEnv, envVariables, run, tail } from "./envs.js";
import { BARE_KEYWORD_MODEL, type Model, modelsOf, otherFailureOn, type PaddleRelease, RELEASES, SHORT_RUN, type Toolkit, TOOLKITS } from "./matrix.js";
import { type BareKeywordRun, type DriverRun, type FixRun, type GuardProbe, type ReleaseResult, writeResults } from "./results.js";

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

type Ready = Extract<EnvState, { status: "ready" }>;

/** How the release treats full_graph, as its stand-in row says (the real wheels check that row). */
const handlingOf = (row: PaddleRelease) => findRelease(row.standIn).fullGraph;
/** The kind of function to_static makes when it converts whole-graph (2.6+ splits AST from SOT). */
const wholeGraphKind = (row: PaddleRelease) => (handlingOf(row) === "honoured" ? "ASTStaticFunction" : "StaticFunction");

/** Thread caps keep two parallel runs from fighting over the two cores; glog quiet. */
const QUIET = { OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", GLOG_minloglevel: "2" };

// No -P (Python 3.9 lacks it): each driver keeps its own folder, which holds ppdet.py and paddleocr.py, off sys.path.
async function runDriver(env: Ready, driver: string, model: Model, kind: DriverRun["kind"], copy: string | null): Promise<DriverRun> {
  const out = mkdtempSync(path.join(work, `${env.release}-${model.name}-${kind}-`));
  const args = [path.join(DRIVERS, driver), "--model", model.name, "--out", path.join(out, "export")];
  const r = await run(env.python, args, {
    cwd: out,
    env: { ...QUIET, ...envVariables(env), ...(copy ? { PYTHONPATH: copy } : {}) },
    timeoutMs: 15 * 60_000,
  });
  const result = driverResult(r);
  return typeof result === "string"
    ? { kind, model: model.name, seconds: r.seconds, crash: result }
    : { kind, model: model.name, seconds: r.seconds, result };
}

/** Copies the toolkit's installed folders into `copy`. */
function copyToolkit(env: Ready, toolkit: Toolkit, copy: string): void {
  mkdirSync(copy, { recursive: true });
  for (const pkg of toolkit.packages) cpSync(path.join(env.sitePackages, pkg), path.join(copy, pkg), { recursive: true });
}

/** The CLI with --json over `copy`, run from inside it as a user runs it in a checkout: the report's paths are the package's own. */
async function runCli(env: Ready, copy: string, style: "guarded" | "plain"): Promise<FixRun> {
  const args = ["--json", "--python", env.python, ...(style === "plain" ? ["--style", "plain"] : []), copy];
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

/** Copies the toolkit's installed folders and runs the CLI over the copy, as a user would; the guarded run first shows the text header (--check). */
async function fixCopy(env: Ready, toolkit: Toolkit, style: "guarded" | "plain"): Promise<FixRun> {
  const copy = path.join(work, env.release, toolkit.id, style);
  copyToolkit(env, toolkit, copy);
  const header = style === "guarded" ? (await runTool(["--check", "--python", env.python, copy], copy, 5 * 60_000)).stdout.split("\n")[0] : undefined;
  return { ...(await runCli(env, copy, style)), header };
}

/**
 * Upstream's fix as its release/2.7 branch spells it: the bare keyword
 * added to the trainer's export conversion. Exactly one call must change.
 */
function withUpstreamKeyword(trainer: string): string {
  const call = /(paddle\.jit\.to_static\(\s*self\.model, input_spec=input_spec)\)/g;
  const found = trainer.match(call)?.length ?? 0;
  if (found !== 1) throw new Error(`expected one export conversion of self.model in trainer.py, found ${found}`);
  return trainer.replace(call, "$1, full_graph=True)");
}

/** The bare-keyword copy: its export, the CLI's default run over it, then the export again. */
async function bareKeywordRun(env: Ready): Promise<BareKeywordRun> {
  const toolkit = TOOLKITS.find((t) => t.id === "paddledet")!;
  const model = modelsOf(toolkit).find((m) => m.name === BARE_KEYWORD_MODEL)!;
  const copy = path.join(work, env.release, toolkit.id, "upstream");
  copyToolkit(env, toolkit, copy);
  const trainerPy = path.join(copy, "ppdet", "engine", "trainer.py");
  writeFileSync(trainerPy, withUpstreamKeyword(readFileSync(trainerPy, "utf8")));
  const written = readFileSync(trainerPy, "utf8");
  const driver = "ppdet.py";
  const control = await runDriver(env, driver, model, "control", copy);
  const fix = await runCli(env, copy, "guarded");
  const after = await runDriver(env, driver, model, "patched", copy);
  return { model: model.name, copy, control, fix, after, trainerChanged: readFileSync(trainerPy, "utf8") !== written };
}

async function probeGuard(env: Ready): Promise<GuardProbe | string> {
  const dir = mkdtempSync(path.join(work, `probe-${env.release}-`));
  const previous = path.join(dir, "previous_guard.py");
  const text = readFileSync(PREVIOUS_GUARD_SOURCE, "utf8");
  writeFileSync(previous, text.slice(text.indexOf("# >>> paddle-fullgraph-fix"), text.indexOf("# <<< paddle-fullgraph-fix")));
  const r = await run(env.python, [path.join(DRIVERS, "probe_paddle.py"), GUARD_PY, previous, PATCH_JSON, dir], {
    cwd: dir,
    env: { ...QUIET, ...envVariables(env) },
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
    rows.map((row) => () => ensureEnv(row)),
    PARALLEL,
  );
  const jobs: (() => Promise<void>)[] = [];
  for (const [i, row] of rows.entries()) {
    const env = envs[i];
    const result: ReleaseResult = { row, env, guard: null, toolkits: [], bareKeyword: null };
    results.set(row.version, result);
    if (env.status !== "ready") continue;
    jobs.push(async () => {
      result.guard = await probeGuard(env);
    });
    if (row.bareKeyword) {
      jobs.push(async () => {
        result.bareKeyword = await bareKeywordRun(env);
      });
    }
    for (const toolkit of TOOLKITS) {
      const entry: ReleaseResult["toolkits"][number] = { toolkit, fixes: {}, runs: [] };
      result.toolkits.push(entry);
      jobs.push(async () => {
        entry.fixes.guarded = await fixCopy(env, toolkit, "guarded");
        entry.fixes.plain = await fixCopy(env, toolkit, "plain");
        if (!("driver" in toolkit.export)) return;
        const { driver } = toolkit.export;
        // --style plain is refused where the keyword is a TypeError: nothing to export then
        const kinds = entry.fixes.plain.code === 0 ? (["control", "patched", "plain"] as const) : (["control", "patched"] as const);
        const copyOf = { control: null, patched: entry.fixes.guarded.copy, plain: entry.fixes.plain.copy };
        const runs = modelsOf(toolkit).flatMap((model) => kinds.map((kind) => () => runDriver(env, driver, model, kind, copyOf[kind])));
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
  if (r.env.status !== "ready") throw new Error(`no environment for ${version}: ${r.env.status === "unimportable" ? r.env.error : r.env.reason}`);
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
  const handling = handlingOf(row);

  it(row.importFails ? `installs, and import paddle fails exactly as recorded: ${row.importFails.why}` : "has an environment, or the registry has no wheel for this Python (then a stand-in covers it)", () => {
    const { env } = results.get(version)!;
    if (env.status === "failed") throw new Error(env.reason);
    if (row.importFails) {
      // said in RESULTS.md; the stand-in row covers this release in npm test
      expect(env.status).toBe("unimportable");
      expect(env.status === "unimportable" && env.error).toMatch(row.importFails.error);
      return;
    }
    if (env.status === "unimportable") throw new Error(`import paddle fails: ${env.error}`);
    if (env.status === "no-wheel") {
      // Said in RESULTS.md; npm test runs the stand-in row instead.
      expect(env.reason).toMatch(/^no cp\d+ wheel/);
      expect(findRelease(row.standIn).version.split(".").slice(0, 2)).toEqual(version.split(".").slice(0, 2));
    }
  });

  const withWheel = () => results.get(version)?.env.status === "ready";

  it(`the guard returns ${handling === "rejected" ? "{} (the keyword is a TypeError here)" : "full_graph=True"} and to_static converts whole-graph; the 0.1.0 guard text too`, (ctx) => {
    if (!withWheel()) return ctx.skip();
    const { guard } = ready(version);
    if (typeof guard === "string" || !guard) throw new Error(`probe failed: ${guard}`);
    expect(guard.version).toBe(version);
    expect(guard.device).toBe("cpu");
    const answer = { kwargs: handling === "rejected" ? {} : { full_graph: true }, converts: wholeGraphKind(row) };
    expect(guard.guard).toEqual(answer);
    expect(guard.previous).toEqual(answer);
    // without the keyword: SOT from 2.6 on (the reason the fix exists), whole-graph before
    expect(guard.default).toBe(handling === "honoured" ? "SymbolicStaticFunction" : wholeGraphKind(row));
    // to_static(layer) converts the layer in place and returns it (design.md section 3)
    expect(guard.layer).toEqual({ same: true, forward: guard.default });
  });

  it("the stand-in row of this release says what the wheel does: signature, the keyword's TypeError", (ctx) => {
    if (!withWheel()) return ctx.skip();
    const { guard } = ready(version);
    if (typeof guard === "string" || !guard) throw new Error(`probe failed: ${guard}`);
    const standIn = findRelease(row.standIn);
    // rows standing in for a release of their own version (3.1+ add backend='CINN' to the 3.0 row's text)
    if (standIn.version === version) expect(guard.signature).toBe(standIn.signature);
    const error = keywordErrorText(row.standIn);
    expect(guard.keyword).toEqual(error === null ? { accepted: true } : { accepted: false, error });
  });

  it(handling === "honoured" ? "patches/full-graph/patch.json lists exactly the attributes that raise under SOT" : "no attribute raises the SOT error (there is no SOT before 2.6)", (ctx) => {
    if (!withWheel()) return ctx.skip();
    const { guard } = ready(version);
    if (typeof guard === "string" || !guard) throw new Error(`probe failed: ${guard}`);
    expect(Object.keys(guard.raising).sort()).toEqual(handling === "honoured" ? [...guard.listed].sort() : []);
    for (const message of Object.values(guard.raising)) expect(`RuntimeError: ${message}`).toMatch(SOT_ERROR);
  });

  if (row.bareKeyword) {
    const rejected = handling === "rejected";
    it(
      rejected
        ? "upstream's bare full_graph=True: the export dies with the TypeError; the default CLI run guards it (upstream/bare-keyword-rejected) and the export then works"
        : "upstream's bare full_graph=True: the export works; the default CLI run leaves it alone, and it still works",
      (ctx) => {
        if (!withWheel()) return ctx.skip();
        const bare = ready(version).bareKeyword;
        if (!bare) throw new Error("no bare-keyword run");
        const control = bare.control.result;
        if (!control) throw new Error(`control crashed: ${bare.control.crash}`);
        expect(control.package.startsWith(bare.copy), `ran ${control.package}, not the upstream copy`).toBe(true);
        const fix = bare.fix;
        expect(fix.code, fix.stderr).toBe(0);
        expect(fix.report!.environment.paddle).toMatchObject({ version, distribution: row.distribution });
        const sites = fix.report!.files.filter((f) => f.path === "ppdet/engine/trainer.py").flatMap((f) => f.sites ?? []);
        const after = bare.after.result;
        if (!after) throw new Error(`export after the CLI run crashed: ${bare.after.crash}`);
        if (rejected) {
          expect(control.export.ok).toBe(false);
          expect(control.export.error).toBe(keywordErrorText(row.standIn));
          expect(control.export.frame).toMatch(/^ppdet\/engine\/trainer\.py:\d+ in _get_infer_cfg_and_input_spec$/);
          expect(sites).toEqual([expect.objectContaining({ action: "fixed", code: "upstream/bare-keyword-rejected" })]);
          expect(fix.report!.summary.fixed).toBe(1);
          expect(bare.trainerChanged).toBe(true);
        } else {
          expectExported(control, bare.copy);
          expect(sites).toEqual([expect.objectContaining({ action: "already-fixed", code: "already-fixed/upstream-unguarded" })]);
          expect(fix.report!.summary.fixed).toBe(0);
          expect(bare.trainerChanged).toBe(false);
        }
        expectExported(after, bare.copy);
      },
    );
  }

  describe.each(TOOLKITS.map((t) => [t.name, t] as const))("%s", (_name, toolkit) => {
    const entry = () => ready(version).toolkits.find((t) => t.toolkit.id === toolkit.id)!;

    it(`the CLI (default options, detection on) ${toolkit.cli === "fixes" ? "fixes the export calls" : "finds nothing to fix (training-time conversions only)"} and names the installed Paddle, in its header too`, (ctx) => {
      if (!withWheel()) return ctx.skip();
      const { env } = ready(version);
      const fix = entry().fixes.guarded!;
      expect(fix.code, fix.stderr).toBe(0);
      const report = fix.report!;
      expect(report.environment.paddle).toMatchObject({ version, raw: version, distribution: row.distribution, python: env.python });
      expect(fix.header).toContain(` · Paddle ${version} (${row.distribution}, ${env.python}) · `);
      expect(report.summary.errors).toBe(0);
      const sites = report.files.flatMap((f) => f.sites ?? []);
      if (toolkit.cli === "fixes") expect(report.summary.fixed, JSON.stringify(report.files, null, 1)).toBeGreaterThan(0);
      else {
        expect(report.summary.fixed).toBe(0);
        expect(sites.length).toBeGreaterThan(0);
        for (const site of sites) expect(site).toMatchObject({ class: "other", action: "skipped" });
      }
    });

    it(handling === "rejected" ? "the CLI refuses --style plain (a bare full_graph=True is a TypeError here) and changes nothing" : "the CLI's --style plain run succeeds", (ctx) => {
      if (!withWheel()) return ctx.skip();
      const plain = entry().fixes.plain!;
      if (handling !== "rejected") return expect(plain.code, plain.stderr).toBe(0);
      expect(plain.code).toBe(2);
      expect(plain.stderr).toContain(`--style plain writes a bare full_graph=True, and Paddle ${version} is not known to accept it`);
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
        // before 2.6 nothing converts with SOT: every control exports
        else if (toolkit.control === "sot-error" && handling === "honoured") {
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
        if (!withWheel() || handling === "rejected") return ctx.skip();
        expectOutcome(runOf(version, toolkit, model, "plain"), entry().fixes.plain!.copy);
      });
    });
  });
});

it("the matrix names every release the issue asks for, and no run was left out", () => {
  expect(RELEASES.map((r) => r.version)).toEqual(expect.arrayContaining(["2.3.2", "2.4.2", "2.5.2", "2.6.2", "3.0.0"]));
  for (const version of selected) expect(results.has(version), version).toBe(true);
  for (const r of results.values()) {
    if (r.env.status !== "ready") continue;
    // control, patched and (where the keyword is accepted) plain
    const kinds = handlingOf(r.row) === "rejected" ? 2 : 3;
    for (const t of r.toolkits) expect(t.runs.length, `${r.row.version} ${t.toolkit.id}`).toBe(modelsOf(t.toolkit).length * kinds);
    expect(Boolean(r.bareKeyword), `${r.row.version} bare-keyword run`).toBe(Boolean(r.row.bareKeyword));
  }
  expect(existsSync(CLI)).toBe(true);
  expect(readdirSync(DRIVERS).length).toBeGreaterThan(0);
});
