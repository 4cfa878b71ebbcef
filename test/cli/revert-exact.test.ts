// Issue 26 §2: `--revert` right after a fix gives back every file byte for
// byte on the PaddleDetection-shaped checkouts, with the project's yapf
// config (PaddleDetection's: pep8, 80 columns), so the export calls are
// re-wrapped by the fix and their layout must come back from the guard
// block's notes; and a call the user edited after the fix is named, file by
// file, as the part that could not come back.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changedFiles, copyTree, removeTree, runCli, snapshot } from "../helpers/cli.js";
import { FAKE_CHECKOUTS, checkoutPath } from "../helpers/export-run.js";

const STYLE = "[style]\nbased_on_style = pep8\ncolumn_limit = 80\n";
const NO_DETECT = ["--no-detect"];
const made: string[] = [];
afterAll(() => made.forEach(removeTree));

function checkout(name: string): string {
  const dir = copyTree(checkoutPath(name));
  made.push(dir);
  writeFileSync(path.join(dir, ".style.yapf"), STYLE);
  execFileSync("git", ["init", "-q", dir]);
  return dir;
}

describe.each(FAKE_CHECKOUTS.map((c) => c.name))("fixtures/checkouts/%s with PaddleDetection's .style.yapf", (name) => {
  it("fix, then --revert: every file byte for byte as before, re-wrapped calls included", () => {
    const dir = checkout(name);
    const before = snapshot(dir);
    const fix = runCli([...NO_DETECT, "."], { cwd: dir });
    expect(fix.code, fix.stderr).toBe(0);
    const fixed = snapshot(dir);
    const changed = changedFiles(before, fixed);
    expect(changed.length).toBeGreaterThan(0);
    const revert = runCli(["--revert", "--json", "."], { cwd: dir });
    expect(revert.code, revert.stderr).toBe(0);
    expect(changedFiles(before, snapshot(dir))).toEqual([]);
    // The calls were re-wrapped (so the layout had to come back), and nothing was inexact.
    const report = JSON.parse(revert.stdout) as { files: { path: string; revert: { rewrapped: number; stillWrapped: number; irregular: number } }[] };
    expect(report.files.map((f) => f.path).sort()).toEqual(changed);
    expect(report.files.reduce((n, f) => n + f.revert.rewrapped, 0)).toBeGreaterThan(0);
    for (const f of report.files) expect([f.revert.stillWrapped, f.revert.irregular]).toEqual([0, 0]);
  });
});

describe("a re-wrapped call edited after the fix", () => {
  it("--revert removes the keyword, keeps that call's wrapping and says so for that file", () => {
    const dir = checkout("ppdet-2.7");
    expect(runCli([...NO_DETECT, "."], { cwd: dir }).code).toBe(0);
    const trainer = path.join(dir, "ppdet/engine/trainer.py");
    const fixed = readFileSync(trainer, "utf8");
    const edited = fixed.replace("input_spec=input_spec,\n", "input_spec=pruned_spec,\n");
    expect(edited).not.toBe(fixed);
    writeFileSync(trainer, edited);
    const r = runCli(["--revert", "."], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ppdet\/engine\/trainer\.py {2}reverted {2}removed the guard block and 1 keyword \(not exact: 1 call re-wrapped by the fix was edited since and keeps its wrapping\)$/m);
    expect(r.stdout).toMatch(/^ppdet\/engine\/trainer_ssod\.py {2}reverted {2}removed the guard block and 1 keyword; restored the layout of 1 re-wrapped call$/m);
    expect(readFileSync(trainer, "utf8")).not.toContain("_paddle_full_graph_kwargs");
  });
});
