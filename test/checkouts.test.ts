// Golden trees for the fake PaddleDetection checkouts (fixtures/checkouts/<name>/).
//
// For each checkout the CLI runs in its default mode (write, guarded style, no
// --all) on a temp copy of input/; expected/ holds exactly the files that run
// changes, full content, same relative paths. The run must change those files
// and no other, byte for byte; then --check passes and a second run changes
// nothing. A fresh copy fails --check exactly when expected/ is non-empty, and
// --json --check names the sites design.md section 3 describes.
//
// UPDATE_GOLDEN=1 npx vitest run test/checkouts.test.ts rewrites expected/ from
// the tool's output (run `npm run build` first; review the diff before
// committing it).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAKE_CHECKOUTS, checkoutPath } from "./helpers/export-run.js";
import { changedFiles } from "./helpers/cli.js";
import { bytes, goldenTreeRuns, listFiles, type JsonReport } from "./helpers/golden-tree.js";

const run = goldenTreeRuns(FAKE_CHECKOUTS.map((x) => x.name), checkoutPath);

describe.each(FAKE_CHECKOUTS.map((c) => [c.name, c] as const))("fixtures/checkouts/%s", (name, checkout) => {
  const inputDir = checkoutPath(name, "input");
  const expectedDir = checkoutPath(name, "expected");
  const expectedFiles = () => listFiles(expectedDir);

  it("expected/ holds only files that exist in input/", () => {
    for (const rel of expectedFiles()) expect(existsSync(path.join(inputDir, rel)), rel).toBe(true);
  });

  it("the default run exits 0 and changes exactly the files under expected/", () => {
    const o = run(name);
    expect(o.fix.code, o.fix.stderr).toBe(0);
    expect(changedFiles(o.input, o.afterFix)).toEqual(expectedFiles());
  });

  it("each changed file equals its expected/ copy byte for byte", () => {
    const o = run(name);
    for (const rel of expectedFiles()) {
      expect(bytes(path.join(o.work, rel)), rel).toBe(bytes(path.join(expectedDir, rel)));
    }
  });

  it("then --check exits 0 and a second run changes nothing (idempotence)", () => {
    const o = run(name);
    expect(o.checkAfterFix.code, o.checkAfterFix.stderr).toBe(0);
    expect(changedFiles(o.afterFix, o.afterCheck)).toEqual([]);
    expect(o.second.code, o.second.stderr).toBe(0);
    expect(changedFiles(o.afterFix, o.afterSecond)).toEqual([]);
    const report = JSON.parse(o.second.stdout) as JsonReport;
    expect(report.summary.changed).toBe(0);
    expect(report.summary.fixed).toBe(0);
    const actions = report.files.flatMap((f) => f.sites.map((s) => s.action));
    expect(actions).not.toContain("fixed");
    expect(actions).not.toContain("needs-review");
  });

  it("--check on a fresh copy exits 1 exactly when expected/ is non-empty, and writes nothing", () => {
    const o = run(name);
    expect(o.freshCheck.code, o.freshCheck.stderr).toBe(expectedFiles().length > 0 ? 1 : 0);
    expect(o.freshJson.code, o.freshJson.stderr).toBe(expectedFiles().length > 0 ? 1 : 0);
    expect(changedFiles(o.input, o.afterFreshRuns)).toEqual([]);
  });

  it("--json --check lists the export sites (required), upstream's (already-fixed) and apply_to_static (skipped, other)", () => {
    const o = run(name);
    const report = JSON.parse(o.freshJson.stdout) as JsonReport;
    expect(report.version).toBe(1);
    const trainer = "ppdet/engine/trainer.py";
    const ssod = "ppdet/engine/trainer_ssod.py";
    const helper = "ppdet/engine/export_utils.py";

    // Which file carries which kind of site (design.md section 3).
    const want: Record<string, string[]> = {
      [trainer]: [checkout.upstreamFixed ? "required/already-fixed" : "required/would-fix"],
    };
    if (checkout.ssod) want[ssod] = ["required/would-fix"];
    if (checkout.toStaticTraining) want[helper] = ["other/skipped"];
    const got = Object.fromEntries(report.files.map((f) => [f.path, f.sites.map((s) => `${s.class}/${s.action}`)]));
    expect(got).toEqual(want);

    // A file is "changed" exactly when it has an expected/ copy.
    const changed = report.files.filter((f) => f.status === "changed").map((f) => f.path).sort();
    expect(changed).toEqual(expectedFiles());
    for (const f of report.files) expect(["changed", "unchanged"], f.path).toContain(f.status);
    expect(report.summary.changed).toBe(expectedFiles().length);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.needsReview).toBe(0);

    // Every site points at a real `paddle.jit.to_static(` call in input/, and
    // its reason at the line that needs the fix.
    for (const f of report.files) {
      const lines = readFileSync(path.join(inputDir, f.path), "utf8").split("\n");
      for (const site of f.sites) {
        const where = `${f.path}:${site.line}:${site.column}`;
        expect(site.form, where).toBe("call");
        expect(site.callee, where).toBe("paddle.jit.to_static");
        expect(lines[site.line - 1]!.slice(site.column - 1), where).toMatch(/^paddle\.jit\.to_static\(/);
        if (site.action === "would-fix") {
          const read = /result read as \.forward\.main_program at line (\d+)/.exec(site.reason);
          expect(read, `${where} ${site.reason}`).not.toBeNull();
          expect(lines[Number(read![1]) - 1], where).toContain(".forward.main_program");
        } else if (site.action === "already-fixed") {
          expect(site.reason, where).toContain("full_graph=True");
          expect(site.reason, where).toContain("unguarded");
          expect(lines.slice(site.line - 1, site.line + 2).join("\n"), where).toContain("full_graph=True");
        } else {
          expect(site.reason, where).toContain("apply_to_static");
          expect(lines.slice(0, site.line).reverse().find((l) => l.startsWith("def ")), where).toMatch(
            /^def apply_to_static\(/,
          );
        }
      }
    }
  });
});
