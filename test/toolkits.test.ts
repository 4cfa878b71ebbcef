// Golden trees for the fake sibling-toolkit checkouts (fixtures/toolkits/<name>/):
// PaddleOCR, PaddleSeg, PaddleClas and a standalone RT-DETR tree vendoring ppdet.
//
// For each tree the CLI runs in its default mode (write, guarded style, no
// --all) on a temp copy of input/; expected/ holds exactly the files that run
// changes, full content, same relative paths. The run must change those files
// and no other, byte for byte; then --check passes and a second run changes
// nothing. --json --check on a fresh copy lists the sites test/helpers/toolkits.ts
// declares (export paths fixed, training-time conversions skipped with a
// reason), and the detector names the toolkit and its version.
//
// UPDATE_GOLDEN=1 npx vitest run test/toolkits.test.ts rewrites expected/ from
// the tool's output (run `npm run build` first; review the diff before
// committing it).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectToolkit } from "../src/detect/toolkit.js";
import { formatEnvironmentHeader, computeVerdict } from "../src/detect/index.js";
import { changedFiles } from "./helpers/cli.js";
import { bytes, goldenTreeRuns, listFiles, type JsonReport } from "./helpers/golden-tree.js";
import { FAKE_TOOLKITS, toolkitPath } from "./helpers/toolkits.js";

const run = goldenTreeRuns(FAKE_TOOLKITS.map((x) => x.name), toolkitPath);

describe.each(FAKE_TOOLKITS.map((t) => [t.name, t] as const))("fixtures/toolkits/%s", (name, toolkit) => {
  const inputDir = toolkitPath(name, "input");
  const expectedDir = toolkitPath(name, "expected");
  const expectedFiles = () => listFiles(expectedDir);

  it("the detector names the toolkit and its version", async () => {
    const { info, warnings } = await detectToolkit(inputDir, null);
    expect(info).toMatchObject({ kind: toolkit.kind, toolkit: toolkit.toolkit, label: toolkit.label, source: toolkit.source, version: toolkit.version });
    expect(warnings).toEqual([]);
    const header = formatEnvironmentHeader({ paddle: null, paddledetection: info, verdict: computeVerdict(null), warnings: [] });
    expect(header[0]).toContain(toolkit.kind === "rtdetr" ? toolkit.label : `${toolkit.toolkit} ${toolkit.label}`);
  });

  it("expected/ is non-empty and holds only files that exist in input/", () => {
    expect(expectedFiles().length).toBeGreaterThan(0);
    for (const rel of expectedFiles()) expect(existsSync(path.join(inputDir, rel)), rel).toBe(true);
  });

  it("the default run exits 0 and changes exactly the files under expected/, byte for byte", () => {
    const o = run(name);
    expect(o.fix.code, o.fix.stderr).toBe(0);
    expect(changedFiles(o.input, o.afterFix)).toEqual(expectedFiles());
    for (const rel of expectedFiles()) {
      expect(bytes(path.join(o.work, rel)), rel).toBe(bytes(path.join(expectedDir, rel)));
    }
  });

  it("then --check exits 0 and a second run changes nothing", () => {
    const o = run(name);
    expect(o.checkAfterFix.code, o.checkAfterFix.stderr).toBe(0);
    expect(o.second.code, o.second.stderr).toBe(0);
    expect(changedFiles(o.afterFix, o.afterSecond)).toEqual([]);
    const report = JSON.parse(o.second.stdout) as JsonReport;
    expect(report.summary.changed).toBe(0);
    expect(report.summary.fixed).toBe(0);
  });

  it("--json --check on a fresh copy exits 1, writes nothing and lists the declared sites", () => {
    const o = run(name);
    expect(o.freshJson.code, o.freshJson.stderr).toBe(1);
    expect(changedFiles(o.input, o.afterFreshRuns)).toEqual([]);
    const report = JSON.parse(o.freshJson.stdout) as JsonReport;
    const got = Object.fromEntries(report.files.map((f) => [f.path, f.sites.map((s) => `${s.class}/${s.action}`)]));
    expect(got).toEqual(toolkit.sites);
    const changed = report.files.filter((f) => f.status === "changed").map((f) => f.path).sort();
    expect(changed).toEqual(expectedFiles());
    expect(report.summary.errors).toBe(0);
    expect(report.summary.needsReview).toBe(0);
  });

  it("every site points at a to_static call, and skipped ones say why (training-time or not on an export path)", () => {
    const report = JSON.parse(run(name).freshJson.stdout) as JsonReport;
    for (const f of report.files) {
      const lines = readFileSync(path.join(inputDir, f.path), "utf8").split("\n");
      for (const site of f.sites) {
        const where = `${f.path}:${site.line}:${site.column}`;
        expect(lines[site.line - 1]!.slice(site.column - 1), where).toMatch(/^(paddle\.jit\.)?to_static\(/);
        if (site.action === "skipped") {
          expect(site.class, where).toBe("other");
          expect(site.reason, where).toMatch(/training-time conversion in '(apply_to_static|train)'|not on an export path/);
          expect(site.reason, where).toContain("--all fixes it too");
        } else if (site.action === "already-fixed") {
          expect(site.reason, where).toContain("unguarded");
          expect(lines.slice(site.line - 1, site.line + 6).join("\n"), where).toMatch(/full_graph=True,\n/);
        } else {
          expect(site.reason, where).toMatch(/paddle\.jit\.save at line \d+|export script|read as \.forward\.main_program/);
        }
      }
    }
  });
});

describe("what the default run writes", () => {
  it("PaddleOCR: every bare branch call gets the guard, upstream's trailing-comma calls stay byte-identical", () => {
    const text = readFileSync(path.join(toolkitPath("paddleocr", "expected"), "tools/export_model.py"), "utf8");
    expect(text.match(/to_static\(model, input_spec=[^)\n]*, \*\*_paddle_full_graph_kwargs\(\)\)\n/g)?.length).toBe(14);
    expect(text).toMatch(/input_spec=\[\n.*\n\s*\],\n\s*\*\*_paddle_full_graph_kwargs\(\),\n\s*\)/);
    const helper = readFileSync(path.join(toolkitPath("paddleocr", "expected"), "ppocr/utils/export_model.py"), "utf8");
    expect(helper.match(/\n {12}full_graph=True,\n {8}\)/g)?.length).toBe(4);
    expect(helper).not.toMatch(/full_graph=True,\n\s*\*\*_paddle/);
  });

  it("PaddleSeg: the in-place method conversion is fixed, training and analysis are not", () => {
    const text = readFileSync(path.join(toolkitPath("paddleseg", "expected"), "tools/export.py"), "utf8");
    expect(text).toContain("net.forward = paddle.jit.to_static(net.forward, **_paddle_full_graph_kwargs())");
    expect(listFiles(toolkitPath("paddleseg", "expected"))).toEqual(["tools/export.py"]);
  });

  it("PaddleClas: the export is fixed, the apply_to_static helper (result discarded by its caller) is not", () => {
    expect(listFiles(toolkitPath("paddleclas", "expected"))).toEqual(["ppcls/engine/engine.py"]);
  });
});
