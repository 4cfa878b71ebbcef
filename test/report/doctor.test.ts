// doctor: one screen from an Environment and a --check report, on the fake
// checkouts (copies; Paddle given as --paddle-version would give it, so no
// interpreter is asked).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectEnvironment } from "../../src/detect/index.js";
import type { Environment } from "../../src/model.js";
import { doctorReport, doctorSummary, shellQuote } from "../../src/report/doctor.js";
import { fixPaths } from "../../src/engine.js";
import { copyTree, removeTree } from "../helpers/cli.js";
import { checkoutPath } from "../helpers/export-run.js";
import { toolkitPath } from "../helpers/toolkits.js";
import { readFileSync } from "node:fs";

const PACKAGE_VERSION: string = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")).version;

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) removeTree(d);
});

function copy(dir: string): string {
  const c = copyTree(dir);
  temps.push(c);
  return c;
}

async function look(dir: string, paddleVersion: string | null, mode: "check" | "write" = "check") {
  const environment: Environment | null = paddleVersion
    ? await detectEnvironment({ root: dir, paddleVersion, env: { PATH: "" } })
    : null;
  const report = await fixPaths([dir], { mode, cwd: dir, environment });
  return { environment, report };
}

describe("doctor on the fake checkouts", () => {
  it("PaddleDetection 2.7 with Paddle 3.0: the export WILL fail, two sites read the program, and the command fixes them", async () => {
    const dir = copy(checkoutPath("ppdet-2.7"));
    const { environment, report } = await look(dir, "3.0.0");
    const lines = doctorReport(environment, report, { root: "./PaddleDetection" });
    expect(lines[0]).toBe("Installed: Paddle 3.0.0 (--paddle-version 3.0.0) · PaddleDetection develop or a branch cut after early 2023 (2.6.1, 2.7.x) (setup.py says 0.0.0)");
    expect(lines[1]).toBe(`Paddle:    Paddle 3.0.0 converts with SOT unless to_static gets full_graph=True: code that reads the converted program (.main_program, .outputs, ...) raises "Can't call ... when full_graph=False".`);
    expect(lines).toContain("Export:    WILL hit the error with Paddle 3.0.0: 2 unfixed call sites read the converted program.");
    expect(lines).toContain("Unfixed:   2 call sites");
    expect(lines.filter((l) => /^ {11}ppdet\/engine\/trainer(_ssod)?\.py:\d+:\d+  required  result read as \.forward\.main_program at line \d+$/.test(l))).toHaveLength(2);
    expect(lines).toContain("Left:      1 call not on an export path (training-time conversions and the like; --all fixes them too).");
    expect(lines).toContain("Fix:       paddle-fullgraph-fix ./PaddleDetection");
    expect(lines).toContain("           (preview first: paddle-fullgraph-fix --dry-run ./PaddleDetection)");
    expect(lines.some((l) => l.includes("--from-traceback"))).toBe(false);
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(doctorSummary(environment, report)).toMatchObject({ status: "will-fail", exitCode: 1, fixCommand: "paddle-fullgraph-fix ." });
  });

  it("the same checkout with Paddle 2.5: works today, fails after an upgrade", async () => {
    const dir = copy(checkoutPath("ppdet-2.7"));
    const { environment, report } = await look(dir, "2.5.2");
    const lines = doctorReport(environment, report);
    expect(lines[1]).toMatch(/^Paddle: {4}The export error cannot occur with Paddle 2\.5\.2: 2\.5 accepts full_graph and ignores it/);
    expect(lines).toContain("Export:    works with Paddle 2.5.2, but will hit the error after an upgrade to 2.6 or newer: 2 unfixed call sites read the converted program.");
    expect(doctorSummary(environment, report)).toMatchObject({ status: "pending", exitCode: 1 });
  });

  it("PaddleOCR with Paddle 3.0: no program read, 18 export sites still convert with SOT; the list is cut to one screen", async () => {
    const dir = copy(toolkitPath("paddleocr"));
    const { environment, report } = await look(dir, "3.0.0");
    const lines = doctorReport(environment, report, { root: "PaddleOCR" });
    expect(lines[0]).toBe("Installed: Paddle 3.0.0 (--paddle-version 3.0.0) · PaddleOCR 2.9.1 (pyproject.toml version)");
    expect(lines).toContain(
      "Export:    does not read the converted program, so it does not hit this error; 18 export call sites still convert with SOT on Paddle 2.6 and newer (paddle.jit.save copes with that); the fix makes them whole-graph.",
    );
    expect(lines).toContain("Unfixed:   18 call sites");
    expect(lines).toContain("           ... and 10 more (paddle-fullgraph-fix --check PaddleOCR lists them all)");
    expect(lines).toContain("Note:      4 calls pass a bare full_graph=True (upstream's fix); Paddle 2.3/2.4 reject it with TypeError.");
    expect(lines).toContain("Fix:       paddle-fullgraph-fix PaddleOCR");
    expect(lines.at(-2)).toBe(`If an export still dies with "Can't call ... when full_graph=False", hand its traceback to: paddle-fullgraph-fix --from-traceback export.log PaddleOCR`);
    expect(lines.length).toBeLessThanOrEqual(24);
  });

  it("after the fix: clean, exit 0, and the traceback route is offered for what was left alone", async () => {
    const dir = copy(toolkitPath("paddleseg"));
    await fixPaths([dir], { mode: "write", cwd: dir });
    const { environment, report } = await look(dir, "3.0.0");
    const lines = doctorReport(environment, report);
    expect(lines).toContain("Export:    nothing to fix on the export path (1 call already passes full_graph).");
    expect(lines).toContain("Left:      2 calls not on an export path (training-time conversions and the like; --all fixes them too).");
    expect(lines.some((l) => l.startsWith("Fix:"))).toBe(false);
    expect(lines.at(-2)).toContain("--from-traceback export.log .");
    expect(lines.at(-1)).toBe(`Tool:      paddle-fullgraph-fix ${PACKAGE_VERSION}`);
    expect(doctorSummary(environment, report)).toMatchObject({ status: "clean", exitCode: 0, fixCommand: null });
  });

  it("develop with Paddle 2.4 after a run that knew no Paddle: the TypeError comes first, the fix guards the keyword, and then all is clean", async () => {
    const dir = copy(checkoutPath("ppdet-develop"));
    await fixPaths([dir], { mode: "write", cwd: dir });
    const { environment, report } = await look(dir, "2.4.2");
    const lines = doctorReport(environment, report);
    const exportLine = lines.find((l) => l.startsWith("Export:"))!;
    expect(exportLine).toMatch(
      /^Export: {4}WILL fail with Paddle 2\.4\.2: 1 export call passes a bare full_graph=True, which Paddle before 2\.5 rejects with TypeError \(ppdet\/engine\/trainer\.py:\d+:\d+\)\. The fix guards it\.$/,
    );
    const summary = doctorSummary(environment, report);
    expect(summary).toMatchObject({ status: "keyword-rejected", exitCode: 1 });
    expect(summary.pending.map((r) => r.site.code)).toEqual(["upstream/bare-keyword-rejected"]);
    expect(lines).toContain("Fix:       paddle-fullgraph-fix .");

    // The fix, with that Paddle, guards it; doctor is then clean.
    await fixPaths([dir], { mode: "write", cwd: dir, environment });
    const after = await look(dir, "2.4.2");
    expect(doctorSummary(after.environment, after.report)).toMatchObject({ status: "clean", exitCode: 0 });
  });

  it("RT-DETR tree, no detection, an empty folder", async () => {
    const rt = await look(copy(toolkitPath("rtdetr")), "2.6.2");
    expect(doctorReport(rt.environment, rt.report)[0]).toBe(
      "Installed: Paddle 2.6.2 (--paddle-version 2.6.2) · RT-DETR tree rtdetr_paddle/ (vendored ppdet, no PaddleDetection version)",
    );
    const blind = doctorReport(null, rt.report);
    expect(blind[0]).toMatch(/^Installed: not checked \(--no-detect\)/);
    expect(blind).toContain("Export:    will hit the error with Paddle 2.6 and newer: 1 unfixed call site reads the converted program.");

    const empty = mkdtempSync(path.join(os.tmpdir(), "pfgf-doctor-"));
    temps.push(empty);
    const none = await look(empty, "3.0.0");
    expect(doctorReport(none.environment, none.report)).toContain("Export:    no paddle.jit.to_static call found in 0 scanned files; nothing to fix.");
  });

  it("quotes the root for the shell", () => {
    expect(shellQuote("./PaddleDetection")).toBe("./PaddleDetection");
    expect(shellQuote("/home/me/My Models/PaddleOCR")).toBe("'/home/me/My Models/PaddleOCR'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
