/**
 * Runtime proof for fixing from a traceback: the tracebacks here are real,
 * printed by python3 running a fake checkout against the stand-in paddle of
 * Paddle 2.6 in one folder ("the machine where it failed"); they are then
 * planned onto a different copy ("the user's checkout", other absolute
 * paths), the plan is applied with fixBytes' `force`, and the failing command
 * runs again on every release.
 *
 * - PaddleSeg's analysis tool converts a network and hands it to a helper
 *   that reads its program: the classifier calls that call `other` (not an
 *   export path), so the default run leaves it alone and the tool still dies;
 *   the traceback leads to it (helper parameter -> caller's argument) and the
 *   forced fix makes it run everywhere.
 * - The RT-DETR tree's export, run from inside rtdetr_paddle/, planned onto a
 *   copy rooted one level up (the repository): the traceback-led fix writes
 *   exactly the bytes the default run writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixBytes } from "../../src/rewrite/fix-bytes.js";
import { planFromTracebackText, type TracebackPlan } from "../../src/traceback/index.js";
import { copyTree, removeTree } from "../helpers/cli.js";
import { describeRun, runTool, type ToolRun } from "../helpers/export-run.js";
import { disposeFakePaddles, fakePaddlePath, PADDLE_RELEASES, sotErrorText } from "../helpers/fake-paddle.js";
import type { PythonResult } from "../helpers/run-python.js";
import { findToolkit, runToolkitExport, runToolkitScript, toolkitPath, type ToolkitRunResult } from "../helpers/toolkits.js";

const RELEASES = PADDLE_RELEASES.map((r) => r.release);
const THE_ERROR = `RuntimeError: ${sotErrorText("main_program")}`;
const ANALYZE = ["tools/analyze_model.py", "--config", "configs/tiny_seg.yml"];

const temps: string[] = [];
function copy(name: string): string {
  const dir = copyTree(toolkitPath(name, "input"));
  temps.push(dir);
  return dir;
}

/** Applies a plan: fixBytes with the plan's force map on each planned file; returns the changed files (relative). */
function apply(plan: TracebackPlan, root: string): { changed: string[]; reports: ReturnType<typeof fixBytes>[] } {
  const changed: string[] = [];
  const reports: ReturnType<typeof fixBytes>[] = [];
  for (const [file, force] of plan.force) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    const result = fixBytes(readFileSync(file), { path: rel, force });
    reports.push(result);
    if (result.status === "changed") {
      writeFileSync(file, result.bytes);
      changed.push(rel);
    }
  }
  return { changed, reports };
}

let seg: {
  failed: PythonResult;
  defaultRun: ToolRun;
  afterDefault: PythonResult;
  plan: TracebackPlan;
  applied: ReturnType<typeof apply>;
  runs: Map<string, PythonResult>;
};
let rt: { failed: ToolkitRunResult; plan: TracebackPlan; applied: ReturnType<typeof apply>; root: string; runs: Map<string, ToolkitRunResult> };

beforeAll(async () => {
  await Promise.all(RELEASES.map((r) => fakePaddlePath(r)));

  // PaddleSeg analysis tool.
  const where = copy("paddleseg");
  const mine = copy("paddleseg");
  const failed = await runToolkitScript(where, ".", ANALYZE, "2.6");
  const defaultRun = await runTool(["--no-detect", "."], mine);
  const afterDefault = await runToolkitScript(mine, ".", ANALYZE, "2.6");
  const plan = await planFromTracebackText(failed.stderr, mine);
  const applied = apply(plan, mine);
  const runs = new Map<string, PythonResult>();
  await Promise.all(RELEASES.map(async (r) => runs.set(r, await runToolkitScript(mine, ".", ANALYZE, r))));
  seg = { failed, defaultRun, afterDefault, plan, applied, runs };

  // RT-DETR export.
  const exp = findToolkit("rtdetr").exports[0]!;
  const rtWhere = copy("rtdetr");
  const rtMine = copy("rtdetr");
  const rtFailed = await runToolkitExport(rtWhere, exp, "3.0");
  const rtPlan = await planFromTracebackText(rtFailed.stderr, rtMine);
  const rtApplied = apply(rtPlan, rtMine);
  const rtRuns = new Map<string, ToolkitRunResult>();
  await Promise.all(RELEASES.map(async (r) => rtRuns.set(r, await runToolkitExport(rtMine, exp, r))));
  rt = { failed: rtFailed, plan: rtPlan, applied: rtApplied, root: rtMine, runs: rtRuns };
}, 180_000);

afterAll(async () => {
  for (const dir of temps) removeTree(dir);
  await disposeFakePaddles();
});

describe("PaddleSeg analysis tool (a call the classifier calls `other`)", () => {
  it("fails on Paddle 2.6 with the real error, from a helper that got the network as a parameter", () => {
    expect(seg.failed.code).not.toBe(0);
    expect(seg.failed.stderr.trim().split("\n").pop()).toBe(THE_ERROR);
    expect(seg.failed.stderr).toContain("in count_ops");
  });

  it("the default run does not fix it (not an export path), so the tool still fails", () => {
    expect(seg.defaultRun.code, seg.defaultRun.stderr).toBe(0);
    expect(seg.afterDefault.stderr.trim().split("\n").pop(), describeRun(seg.afterDefault)).toBe(THE_ERROR);
  });

  it("the traceback, planned onto another copy, forces exactly the caller's to_static call", () => {
    expect(seg.plan.status).toBe("planned");
    expect(seg.plan.frames.map((f) => f.status)).toEqual(["mapped", "mapped", "mapped", "paddle"]);
    expect(seg.plan.sites).toHaveLength(1);
    expect(seg.plan.sites[0]).toMatchObject({ relPath: "tools/analyze_model.py", state: "open", callee: "paddle.jit.to_static" });
    expect(seg.applied.changed).toEqual(["tools/analyze_model.py"]);
    expect(seg.applied.reports[0]!.sites).toMatchObject([{ class: "other", action: "fixed" }]);
    expect(seg.applied.reports[0]!.sites[0]!.reason).toMatch(/^the traceback's RuntimeError at tools\/analyze_model\.py:\d+ reads its result \(passed as 'model' to count_ops at tools\/analyze_model\.py:\d+\)$/);
  });

  it.each(RELEASES)("then runs on paddle %s", (release) => {
    const run = seg.runs.get(release)!;
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout).toContain("TinySegNet has 3 variables in its static program");
  });
});

describe("RT-DETR export run from inside rtdetr_paddle/, planned onto the repository root", () => {
  it("fails unpatched on Paddle 3.0 with the real error", () => {
    expect(rt.failed.exported).toBe(false);
    expect(rt.failed.stderr.trim().split("\n").pop()).toBe(THE_ERROR);
    expect(rt.failed.stderr).toMatch(/File ".*[\\/]rtdetr_paddle[\\/]ppdet[\\/]engine[\\/]trainer\.py", line \d+, in _get_infer_cfg_and_input_spec/);
  });

  it("the plan maps the relative and absolute frames onto the other copy and fixes what the default run fixes, byte for byte", () => {
    expect(rt.plan.status).toBe("planned");
    expect(rt.plan.frames[0]).toMatchObject({ status: "mapped", relPath: "rtdetr_paddle/tools/export_model.py" });
    expect(rt.applied.changed).toEqual(["rtdetr_paddle/ppdet/engine/trainer.py"]);
    const rel = "rtdetr_paddle/ppdet/engine/trainer.py";
    expect(readFileSync(path.join(rt.root, rel)).equals(readFileSync(path.join(toolkitPath("rtdetr", "expected"), rel)))).toBe(true);
  });

  it.each(RELEASES)("then exports whole-graph on paddle %s", (release) => {
    const run = rt.runs.get(release)!;
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.model).toContain("converted: whole-graph");
  });
});
