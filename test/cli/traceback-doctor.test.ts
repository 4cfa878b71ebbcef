// The CLI's --from-traceback and doctor, end to end on a fake checkout: a real
// traceback from the unpatched export on the stand-in Paddle 3.0 leads the
// fix; doctor tells the state before and after.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedFiles, copyTree, removeTree, runCli, ROOT, snapshot } from "../helpers/cli.js";
import { runExport } from "../helpers/export-run.js";
import { disposeFakePaddles } from "../helpers/fake-paddle.js";

const SAMPLE = path.join(ROOT, "fixtures/checkouts/ppdet-2.7/input");
let work: string;
let traceback: string;

beforeAll(async () => {
  work = copyTree(SAMPLE);
  const run = await runExport(work, "3.0");
  expect(run.code).not.toBe(0);
  traceback = run.stderr;
  expect(traceback).toContain("Can't call main_program when full_graph=False");
});
afterAll(async () => {
  removeTree(work);
  await disposeFakePaddles();
});

describe("--from-traceback", () => {
  it("refuses a traceback of another error and changes nothing", () => {
    const before = snapshot(work);
    const other = 'Traceback (most recent call last):\n  File "tools/export_model.py", line 3, in <module>\n    main()\nValueError: bad config\n';
    const r = runCli(["--from-traceback", "-", "--no-detect", "."], { cwd: work, input: other });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ValueError/);
    expect(changedFiles(before, snapshot(work))).toEqual([]);
  });

  it("--check names the call behind the error and exits 1; then the fix makes the export pass", async () => {
    const before = snapshot(work);
    const check = runCli(["--from-traceback", "-", "--check", "--json", "--no-detect", "."], { cwd: work, input: traceback });
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout);
    expect(report.traceback.attribute).toBe("main_program");
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(["ppdet/engine/trainer.py"]);
    expect(report.files[0].sites[0]).toMatchObject({ action: "would-fix", class: "required" });
    expect(changedFiles(before, snapshot(work))).toEqual([]);

    const fix = runCli(["--from-traceback", "-", "--no-detect", "."], { cwd: work, input: traceback });
    expect(fix.code).toBe(0);
    expect(changedFiles(before, snapshot(work))).toEqual(["ppdet/engine/trainer.py"]);
    const after = await runExport(work, "3.0");
    expect(after.code).toBe(0);
    expect(after.exported).toBe(true);
  });
});

describe("doctor", () => {
  it("says what is pending and the command that fixes it, exit 1; exit 0 once fixed", () => {
    const fresh = copyTree(SAMPLE);
    try {
      const r = runCli(["doctor", "--paddle-version", "3.0.0", "."], { cwd: fresh });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/Paddle 3\.0\.0/);
      expect(r.stdout).toContain("ppdet/engine/trainer.py");
      expect(r.stdout).toContain("paddle-fullgraph-fix");
      expect(runCli(["--no-detect", "."], { cwd: fresh }).code).toBe(0);
      const again = runCli(["doctor", "--paddle-version", "3.0.0", "--json", "."], { cwd: fresh });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).doctor.status).toBe("clean");
    } finally {
      removeTree(fresh);
    }
  });

  it("a missing root is exit 2 with one line", () => {
    const r = runCli(["doctor", "no/such/dir"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
