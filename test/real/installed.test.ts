/**
 * `--installed` on real wheels (issue 24): paddledet 2.6.0 as pip installed
 * it in the cached environment of a release (not copied into a checkout),
 * fixed with `--installed --python`, then exported through the installed
 * `ppdet`, imported normally; `--revert --installed` restores every byte.
 *
 * The cached environment itself is never written: each release gets a
 * throwaway twin of it, every file hard-linked except the toolkit's own
 * folder, which is copied. The tool writes by rename, so even a hard-linked
 * file would be replaced, not changed in place; the copy makes that moot.
 * A venv runs from anywhere by its bin/python (pyvenv.cfg sits beside it).
 *
 * PADDLE_FULLGRAPH_FIX_REAL_RELEASES narrows the releases as for the matrix
 * (those of INSTALLED_RELEASES it names; "short" and "all" keep both).
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, snapshot } from "../helpers/cli.js";
import { runTool } from "../helpers/export-run.js";
import { basePython, type Command, ensureEnv, type EnvState, run, tail } from "./envs.js";
import { RELEASES, TOOLKITS } from "./matrix.js";
import type { DriverResult } from "./results.js";

/** The first release that converts with SOT by default, and the newest. */
const INSTALLED_RELEASES = ["2.6.2", RELEASES[RELEASES.length - 1]!.version];
const wanted = process.env.PADDLE_FULLGRAPH_FIX_REAL_RELEASES ?? "all";
const selected = wanted === "all" || wanted === "short" ? INSTALLED_RELEASES : INSTALLED_RELEASES.filter((v) => wanted.split(",").map((s) => s.trim()).includes(v));
const DRIVER = path.join(ROOT, "test", "real", "drivers", "ppdet.py");
const QUIET = { OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", GLOG_minloglevel: "2" };
const SOT_ERROR = /^RuntimeError: Can't call \w+\s+when full_graph=False\./;

interface Twin {
  release: string;
  python: string;
  site: string;
  toolkitsBefore: Map<string, string>;
  pipCheckBefore: string;
  control: DriverResult | string;
  fix: { code: number | null; stderr: string; report: any };
  pipCheckAfterFix: string;
  patched: DriverResult | string;
  revert: { code: number | null; stderr: string; report: any };
  toolkitsAfterRevert: Map<string, string>;
}

let work = "";
const twins = new Map<string, Twin | string>();

/** Every toolkit folder the environment has installed (the matrix installs them all): what --installed may write. */
const TOOLKIT_FOLDERS = TOOLKITS.flatMap((t) => t.packages);

/** The environment's twin: folders made anew, files hard-linked, the toolkits' folders copied. */
function twinOf(env: Extract<EnvState, { status: "ready" }>, into: string): { python: string; site: string } {
  const envDir = path.dirname(path.dirname(env.python));
  execFileSync("cp", ["-al", envDir, into]);
  const site = path.join(into, path.relative(envDir, env.sitePackages));
  for (const folder of TOOLKIT_FOLDERS) {
    rmSync(path.join(site, folder), { recursive: true });
    cpSync(path.join(env.sitePackages, folder), path.join(site, folder), { recursive: true });
  }
  return { python: path.join(into, "bin", "python"), site };
}

/** Path -> hash of every file in the toolkits' folders. */
function toolkitFiles(site: string): Map<string, string> {
  return new Map(TOOLKIT_FOLDERS.flatMap((folder) => [...snapshot(path.join(site, folder))].map(([file, hash]) => [`${folder}/${file}`, hash] as const)));
}

function lastJson(r: Command): DriverResult | string {
  try {
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "");
  } catch {
    return `exit ${r.code}, no JSON result:\n${tail(r.stderr)}`;
  }
}

async function exportPicodet(python: string, label: string): Promise<DriverResult | string> {
  const out = mkdtempSync(path.join(work, `${label}-`));
  return lastJson(await run(python, ["-P", DRIVER, "--model", "picodet", "--out", path.join(out, "export")], { cwd: out, env: QUIET, timeoutMs: 15 * 60_000 }));
}

async function tool(args: string[]): Promise<{ code: number | null; stderr: string; report: any }> {
  const r = await runTool(["--json", ...args], work, 5 * 60_000);
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    /* judged through code and stderr */
  }
  return { code: r.code, stderr: tail(r.stderr), report };
}

const pipCheck = async (python: string) => {
  const r = await run(python, ["-m", "pip", "check"]);
  return `${r.code}\n${r.stdout}`;
};

beforeAll(async () => {
  if (!selected.length) return;
  const base = await basePython();
  work = mkdtempSync(path.join(os.tmpdir(), "pfgf-real-installed-"));
  // One release after the other: each run keeps a core busy, and the matrix may run beside this file.
  for (const release of selected) {
    const env = await ensureEnv(RELEASES.find((r) => r.version === release)!, base);
    if (env.status !== "ready") {
      twins.set(release, `no environment for ${release}: ${env.reason}`);
      continue;
    }
    const dir = path.join(work, `env-${release}`);
    mkdirSync(path.dirname(dir), { recursive: true });
    const { python, site } = twinOf(env, dir);
    const toolkitsBefore = toolkitFiles(site);
    const pipCheckBefore = await pipCheck(python);
    const control = await exportPicodet(python, `control-${release}`);
    const fix = await tool(["--installed", "--python", python]);
    const pipCheckAfterFix = await pipCheck(python);
    const patched = await exportPicodet(python, `patched-${release}`);
    const revert = await tool(["--installed", "--revert", "--python", python]);
    twins.set(release, { release, python, site, toolkitsBefore, pipCheckBefore, control, fix, pipCheckAfterFix, patched, revert, toolkitsAfterRevert: toolkitFiles(site) });
  }
}, 60 * 60_000);

afterAll(() => {
  if (work && !process.env.PADDLE_FULLGRAPH_FIX_REAL_KEEP) rmSync(work, { recursive: true, force: true });
});

function twin(release: string): Twin {
  const t = twins.get(release);
  if (typeof t === "string" || !t) throw new Error(t ?? `no run for ${release}`);
  return t;
}

function result(r: DriverResult | string): DriverResult {
  if (typeof r === "string") throw new Error(r);
  return r;
}

describe.each(selected)("--installed on Paddle %s with paddledet 2.6.0 installed (real wheels)", (release) => {
  it("control: the installed ppdet's own export dies with the full_graph error", () => {
    const control = result(twin(release).control);
    expect(control.package.startsWith(path.join(twin(release).site, "ppdet")), control.package).toBe(true);
    expect(control.export.ok).toBe(false);
    expect(control.export.error).toMatch(SOT_ERROR);
  });

  it("the fix names the interpreter, its site-packages and paddledet 2.6.0 from RECORD, and writes only inside the toolkits' folders", () => {
    const { fix, python, site } = twin(release);
    expect(fix.code, fix.stderr).toBe(0);
    expect(fix.report.environment.paddle).toMatchObject({ version: release, distribution: "paddlepaddle", python });
    expect(fix.report.installed).toMatchObject({ python, sitePackages: expect.arrayContaining([site]) });
    const [dist] = fix.report.installed.distributions.filter((d: { name: string }) => d.name === "paddledet");
    expect(dist).toMatchObject({ version: "2.6.0", location: site, folders: [path.join(site, "ppdet")], from: "RECORD", editable: null });
    expect(fix.report.summary.fixed).toBeGreaterThan(0);
    const changed = fix.report.files.filter((f: { status: string }) => f.status === "changed").map((f: { path: string }) => path.resolve(work, f.path));
    for (const file of changed) expect(TOOLKIT_FOLDERS.some((folder) => file.startsWith(path.join(site, folder) + path.sep)), file).toBe(true);
    // paddledet's RECORD now disagrees exactly for the files written in ppdet/
    const inPpdet = changed.filter((f: string) => f.startsWith(path.join(site, "ppdet") + path.sep));
    expect(inPpdet.length).toBeGreaterThan(0);
    expect(dist.recordMismatches).toEqual(inPpdet.map((f: string) => path.relative(site, f)).sort());
  });

  it("pip check says after the fix what it said before", () => {
    const { pipCheckBefore, pipCheckAfterFix } = twin(release);
    expect(pipCheckAfterFix).toBe(pipCheckBefore);
  });

  it("patched: the installed ppdet, imported normally, exports, loads and matches", () => {
    const { patched, site } = twin(release);
    const r = result(patched);
    expect(r.package.startsWith(path.join(site, "ppdet")), r.package).toBe(true);
    expect(r.export.ok, `${r.export.error}\n  at ${r.export.frame}`).toBe(true);
    expect(r.files.some((f) => f.endsWith(".pdiparams")), r.files.join(", ")).toBe(true);
    expect(r.load?.ok, r.load?.error).toBe(true);
    expect(r.load!.match, `max abs diff ${r.load!.maxAbsDiff}`).toBe(true);
    expect(r.load!.inputEffect!).toBeGreaterThan(100 * r.load!.atol);
  });

  it("--revert --installed restores the installed files byte for byte, and every RECORD matches again", () => {
    const { revert, toolkitsBefore, toolkitsAfterRevert } = twin(release);
    expect(revert.code, revert.stderr).toBe(0);
    expect(toolkitsAfterRevert).toEqual(toolkitsBefore);
    for (const dist of revert.report.installed.distributions) expect(dist.recordMismatches, dist.name).toEqual([]);
  });
});
