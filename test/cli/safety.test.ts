// The safety features as users reach them: --revert (with --dry-run,
// --check, --json and stdin), "completed with errors", `--` before paths
// that start with a dash, and special files named on the command line.
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPatch } from "../../src/patches.js";
import { changedFiles, copyCheckableCases, copyTree, removeTree, ROOT, runCli, snapshot } from "../helpers/cli.js";
import { cleanup, KW, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

afterAll(cleanup);

const CASES = path.join(ROOT, "fixtures/cases");

describe("--revert", () => {
  it("undoes a default run over the golden cases: every input.py is back byte for byte", () => {
    const work = copyCheckableCases();
    try {
      const original = snapshot(work);
      expect(runCli(["--no-detect", "."], { cwd: work }).code).toBe(0);
      const inputs = [...original.keys()].filter((k) => k.endsWith("/input.py"));
      expect(changedFiles(original, snapshot(work)).filter((k) => k.endsWith("/input.py")).length).toBeGreaterThan(20);

      const check = runCli(["--revert", "--check", "."], { cwd: work });
      expect(check.code).toBe(1);
      expect(check.stdout).toMatch(/^import-paddle\/input\.py {2}would revert {2}would remove the guard block and 1 keyword$/m);
      expect(check.stdout).toMatch(/files to revert \(\d+ guard blocks, \d+ keywords\) · \d+ files scanned · run without --check to revert$/m);

      const r = runCli(["--revert", "."], { cwd: work });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^import-paddle\/input\.py {2}reverted {2}removed the guard block and 1 keyword$/m);
      const after = snapshot(work);
      // An input that was itself fixed by an earlier release (previous-guard) reverts past that fix.
      const carriesGuard = (k: string) => readFileSync(path.join(CASES, k), "utf8").includes("_paddle_full_graph_kwargs");
      expect(inputs.filter((k) => !carriesGuard(k) && after.get(k) !== original.get(k))).toEqual([]);
      for (const k of inputs.filter(carriesGuard)) expect(readFileSync(path.join(work, k), "utf8")).not.toContain("_paddle_full_graph_kwargs");
      // Nothing of ours is left: a second --revert --check finds nothing.
      expect(runCli(["--revert", "--check", "."], { cwd: work }).code).toBe(0);
    } finally {
      removeTree(work);
    }
  });

  it("--revert --dry-run prints a diff of removals only and writes nothing", () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY });
    runCli(["--no-detect", "a.py"], { cwd: dir });
    const fixed = readFileSync(path.join(dir, "a.py"), "utf8");
    const r = runCli(["--revert", "--dry-run", "a.py"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/a\.py\n\+\+\+ b\/a\.py\n@@ /);
    const body = r.stdout.split("\n").slice(2);
    // the guard block's lines, the blank lines around it, and the call's old line
    expect(body.filter((l) => l.startsWith("-")).length).toBeGreaterThan(loadPatch().guard.source.split("\n").length);
    // The only added line is the call without the keyword (the same line, shortened).
    expect(body.filter((l) => l.startsWith("+"))).toEqual(["+    static = paddle.jit.to_static(model, input_spec=spec)"]);
    expect(r.stderr).toMatch(/a\.py {2}would revert/);
    expect(readFileSync(path.join(dir, "a.py"), "utf8")).toBe(fixed);
  });

  it("--revert --json reports what each file loses", () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY, "b.py": "x = 1\n" });
    runCli(["--no-detect", "."], { cwd: dir });
    const report = JSON.parse(runCli(["--revert", "--json", "--check", "."], { cwd: dir }).stdout);
    expect(report.files).toEqual([
      { path: "a.py", status: "changed", code: "file/reverted", reason: "would remove the guard block and 1 keyword", sites: [], revert: { guardBlocks: 1, keywords: 1, irregular: 0, rewrapped: 0, stillWrapped: 0 } },
    ]);
    expect(report.summary).toMatchObject({ files: 2, changed: 1, errors: 0 });
  });

  it("reads stdin with `-` and writes the reverted source on stdout", () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY });
    runCli(["--no-detect", "a.py"], { cwd: dir });
    const r = runCli(["--revert", "-"], { cwd: dir, input: readFileSync(path.join(dir, "a.py"), "utf8") });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(NEEDY);
    expect(r.stderr).toMatch(/stdin\.py {2}reverted {2}removed the guard block and 1 keyword/);
    expect(runCli(["--revert", "--check", "-"], { cwd: dir, input: NEEDY }).code).toBe(0);
  });

  it("leaves upstream's own full_graph=True alone", () => {
    const dir = tempDir();
    const upstream = "import paddle\n\n\ndef export(m, s):\n    return paddle.jit.to_static(m, input_spec=s, full_graph=True)\n";
    writeTree(dir, { "a.py": upstream });
    const r = runCli(["--revert", "a.py"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^0 files reverted/m);
    expect(readFileSync(path.join(dir, "a.py"), "utf8")).toBe(upstream);
  });
});

describe("completed with errors", () => {
  it("a read-only file is reported, the rest is fixed, exit 2 at the end", () => {
    const dir = tempDir();
    writeTree(dir, { "ro.py": NEEDY, "ok.py": NEEDY });
    chmodSync(path.join(dir, "ro.py"), 0o444);
    const r = runCli(["--no-detect", "."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^ro\.py {2}error {2}read-only file; left alone$/m);
    expect(r.stdout).toMatch(/1 with errors/);
    expect(r.stderr).toBe("paddle-fullgraph-fix: completed with errors (1 file could not be handled; see above)\n");
    expect(readFileSync(path.join(dir, "ro.py"), "utf8")).toBe(NEEDY);
    expect(readFileSync(path.join(dir, "ok.py"), "utf8")).toContain(KW);
  });
});

describe("paths", () => {
  it("`--` ends the options: a file named -x.py is fixed; without it, it is an unknown option (exit 2, untouched)", () => {
    const dir = tempDir();
    writeTree(dir, { "-x.py": NEEDY });
    const bad = runCli(["--no-detect", "-x.py"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(readFileSync(path.join(dir, "-x.py"), "utf8")).toBe(NEEDY);
    const r = runCli(["--no-detect", "--", "-x.py"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-x\.py:5:14 {2}fixed/m);
    expect(readFileSync(path.join(dir, "-x.py"), "utf8")).toContain(KW);
  });

  it("spaces and unicode in names given on the command line", () => {
    const dir = tempDir();
    writeTree(dir, { "my models/导出 ü.py": NEEDY });
    const r = runCli(["--no-detect", "--json", "my models/导出 ü.py"], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ path: "my models/导出 ü.py", status: "changed" });
  });

  it("a FIFO named on the command line is skipped without blocking (exit 0)", () => {
    const dir = tempDir();
    execFileSync("mkfifo", [path.join(dir, "pipe.py")]);
    writeFileSync(path.join(dir, "ok.py"), NEEDY);
    const r = runCli(["--no-detect", "pipe.py", "ok.py"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pipe\.py {2}skipped {2}not a regular file \(FIFO\)$/m);
  });
});
