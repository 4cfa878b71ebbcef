// The command line as users and CI see it: modes, exit codes, output shapes.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changedFiles, copyCheckableCases, copyTree, removeTree, runCli, ROOT, snapshot, UNCHECKABLE_CASES } from "../helpers/cli.js";

const CASES = path.join(ROOT, "fixtures/cases");
const ANSI = /\x1b\[[0-9;]*m/;

let work: string;
beforeEach(() => {
  work = copyCheckableCases();
});
afterEach(() => removeTree(work));

describe("modes and exit codes", () => {
  it("a file that may hold a call but cannot be checked fails every mode with exit 2, the rest still done", () => {
    const all = copyTree(CASES);
    try {
      for (const args of [["--check"], ["--dry-run"], []]) {
        const r = runCli(["--no-detect", "--json", ...args, "."], { cwd: all });
        expect(r.code, args.join(" ")).toBe(2);
        const errors = JSON.parse(r.stdout).files.filter((f: { status: string }) => f.status === "error");
        expect(errors.map((f: { path: string; code: string }) => `${f.path} ${f.code}`).sort()).toEqual(
          ["expected.py", "input.py"].flatMap((f) => [`gbk-skipped/${f} file/unsupported-encoding`, `syntax-error-skipped/${f} file/syntax-error`]).sort(),
        );
        expect(r.stderr).toContain("completed with errors");
      }
      expect(readFileSync(path.join(all, "import-paddle/input.py")).equals(readFileSync(path.join(CASES, "import-paddle/expected.py")))).toBe(true);
      const gh = runCli(["--no-detect", "--check", "--format", "github", "."], { cwd: all });
      expect(gh.stdout).toMatch(/^::error file=syntax-error-skipped\/input\.py::syntax error at/m);
    } finally {
      removeTree(all);
    }
    expect(UNCHECKABLE_CASES).toHaveLength(2);
  });

  it("default run fixes in place and exits 0; a second run changes nothing", () => {
    const before = snapshot(work);
    const first = runCli(["."], { cwd: work });
    expect(first.code).toBe(0);
    const afterFirst = snapshot(work);
    const changed = changedFiles(before, afterFirst);
    expect(changed).toContain("import-paddle/input.py");
    expect(changed).not.toContain("negatives/input.py");
    expect(changed).not.toContain("training-helper-default/input.py");
    expect(changed).not.toContain("gbk-skipped/input.py");
    // Each changed input now equals its golden expected output (default options only).
    for (const file of changed) {
      const name = file.split("/")[0];
      // (The wrap-* cases name a formatter in options.json, which a plain run over the folder has no config for.)
      if (["training-helper-all", "plain-style", "export-script-context", "bare-keyword-guarded"].includes(name) || name.startsWith("wrap-")) continue;
      expect(readFileSync(path.join(work, file)).equals(readFileSync(path.join(CASES, name, "expected.py")))).toBe(true);
    }
    const second = runCli(["."], { cwd: work });
    expect(second.code).toBe(0);
    expect(changedFiles(afterFirst, snapshot(work))).toEqual([]);
    expect(runCli(["--check", "."], { cwd: work }).code).toBe(0);
  });

  it("--check writes nothing and exits 1 while a fix is pending", () => {
    const before = snapshot(work);
    const r = runCli(["--check", "."], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/import-paddle\/input\.py:5:14 {2}would-fix {2}export {2}result saved with paddle\.jit\.save at line 6/);
    expect(r.stdout).toMatch(/run without --check to apply/);
    expect(changedFiles(before, snapshot(work))).toEqual([]);
  });

  it("--check exits 0 on a tree with nothing to fix", () => {
    expect(runCli(["--check", "negatives", "shadowed-import"], { cwd: work }).code).toBe(0);
  });

  it("--dry-run prints a unified diff, writes nothing and exits 0", () => {
    const before = snapshot(work);
    const r = runCli(["--dry-run", "import-paddle/input.py"], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/import-paddle\/input\.py\n\+\+\+ b\/import-paddle\/input\.py\n@@ /);
    expect(r.stdout).toContain("+    static = paddle.jit.to_static(model, input_spec=spec, **_paddle_full_graph_kwargs())");
    expect(r.stdout).toContain("-    static = paddle.jit.to_static(model, input_spec=spec)");
    // The human report goes to stderr so the diff can be piped to `patch`.
    expect(r.stderr).toMatch(/1 to fix/);
    expect(changedFiles(before, snapshot(work))).toEqual([]);
  });

  it("missing path: exit 2 with one line on stderr", () => {
    const r = runCli(["no/such/dir"], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/no\/such\/dir: no such file or directory/);
  });

  it("bad usage: exit 2", () => {
    expect(runCli(["--no-such-flag"], { cwd: work }).code).toBe(2);
    expect(runCli(["--style", "loud", "."], { cwd: work }).code).toBe(2);
  });

  it("--all fixes training-time conversions too", () => {
    const file = "training-helper-default/input.py";
    expect(runCli(["--check", file], { cwd: work }).code).toBe(0);
    const r = runCli(["--check", "--all", file], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/would-fix {2}other {2}training-time conversion in 'apply_to_static'/);
  });

  it("--version and --help exit 0", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(runCli(["--version"]).stdout.trim()).toBe(pkg.version);
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["--dry-run", "--check", "--all", "--exclude", "--json", "--no-color"]) expect(help.stdout).toContain(flag);
  });

  it("the main command and doctor share one declaration of the detection and walk options", () => {
    const shared = ["--exclude <glob>", "--no-ignore", "--paddle-version <version>", "--python <path>", "--no-detect"];
    const lines = (args: string[]) => runCli(args).stdout.split("\n").filter((l) => shared.some((o) => l.trimStart().startsWith(o)));
    const main = lines(["--help"]);
    expect(main).toHaveLength(shared.length);
    expect(lines(["doctor", "--help"])).toEqual(main);
  });
});

describe("--json", () => {
  it("prints version 1 with files, sites and summary, and nothing else on stdout", () => {
    const r = runCli(["--json", "--check", "."], { cwd: work });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(Object.keys(report.summary).sort()).toEqual(
      ["alreadyFixed", "changed", "errors", "excludedFiles", "excludedFolders", "files", "fixed", "ignoredFiles", "ignoredFolders", "needsReview", "skipped", "skippedFiles"].sort(),
    );
    const file = report.files.find((f: { path: string }) => f.path === "already-fixed/input.py");
    expect(file.status).toBe("unchanged");
    expect(file.sites.map((s: { action: string }) => s.action)).toEqual(["already-fixed", "needs-review", "needs-review"]);
    expect(file.sites.map((s: { code: string }) => s.code)).toEqual([
      "already-fixed/upstream-unguarded",
      "needs-review/full-graph-value",
      "needs-review/forwards-kwargs",
    ]);
    for (const f of report.files) {
      expect(["changed", "unchanged", "skipped", "error"]).toContain(f.status);
      for (const s of f.sites) {
        // scope: absent at module level
        expect(Object.keys(s).filter((k) => k !== "scope").sort()).toEqual(["action", "callee", "class", "code", "column", "form", "line", "reason"]);
        expect(["required", "export", "other"]).toContain(s.class);
        expect(["fixed", "would-fix", "already-fixed", "skipped", "needs-review"]).toContain(s.action);
        expect(s.line).toBeGreaterThanOrEqual(1);
      }
    }
    expect(report.summary.fixed).toBe(
      report.files.flatMap((f: { sites: { action: string }[] }) => f.sites).filter((s: { action: string }) => s.action === "would-fix").length,
    );
  });
});

describe("--json in write mode", () => {
  /** Offset of a 1-based line and column (UTF-16 columns, as the report's). */
  const offsetOf = (text: string, line: number, column: number) => text.split("\n").slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;

  /** Runs a write over `dir` (a copy of `source`) and checks each written position; returns how many were checked and moved. */
  function checkWritten(source: string, dir: string, args: string[]) {
    const r = runCli(["--json", "--all", ...args, "."], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    let moved = 0;
    let checked = 0;
    for (const file of report.files) {
      const original = readFileSync(path.join(source, file.path), "utf8");
      const written = readFileSync(path.join(dir, file.path), "utf8");
      for (const site of file.sites) {
        if (file.status !== "changed") {
          expect(site.written, `${file.path}:${site.line}`).toBeUndefined();
          continue;
        }
        expect(Object.keys(site).slice(0, 3)).toEqual(["line", "column", "written"]);
        // The same call starts there: as many characters as its callee has are the same (nothing is inserted before the argument list).
        const from = original.slice(offsetOf(original, site.line, site.column)).slice(0, site.callee.length);
        expect(written.slice(offsetOf(written, site.written.line, site.written.column)).slice(0, site.callee.length), `${file.path}:${site.line}:${site.column}`).toBe(from);
        checked++;
        if (site.written.line !== site.line || site.written.column !== site.column) moved++;
      }
    }
    return { checked, moved };
  }

  it("gives each site of a written file its place in the file as written, beside the original's", () => {
    const cases = checkWritten(CASES, work, ["--no-detect"]);
    expect(cases.checked).toBeGreaterThan(20);
    expect(cases.moved).toBeGreaterThan(10);
    // A checkout whose formatter config (.style.yapf) has calls re-wrapped as they are fixed.
    const checkout = path.join(ROOT, "fixtures/checkouts/ppdet-2.7/input");
    const copy = copyTree(checkout);
    try {
      expect(checkWritten(checkout, copy, ["--paddle-version", "3.0.0"]).moved).toBe(3);
    } finally {
      removeTree(copy);
    }
  });

  it("--check and --dry-run write nothing, so say nothing of it; `-` gives it for the source it writes", () => {
    for (const mode of ["--check", "--dry-run"]) {
      const report = JSON.parse(runCli(["--json", mode, "--no-detect", "."], { cwd: work }).stdout);
      expect(report.files.flatMap((f: { sites: object[] }) => f.sites).filter((s: object) => "written" in s), mode).toEqual([]);
    }
    const input = readFileSync(path.join(CASES, "import-paddle/input.py"), "utf8");
    const r = runCli(["--json", "-"], { cwd: work, input });
    const [site] = JSON.parse(r.stderr).files[0].sites;
    expect({ line: site.line, column: site.column }).toEqual({ line: 5, column: 14 });
    expect(r.stdout.split("\n")[site.written.line - 1].slice(site.written.column - 1)).toMatch(/^paddle\.jit\.to_static\(model/);
    expect(site.written.line).toBeGreaterThan(5);
  });
});

describe("walking directories", () => {
  it("honours .gitignore, skips .git, node_modules and virtualenvs, but takes an explicitly named file", () => {
    const needy = readFileSync(path.join(CASES, "import-paddle/input.py"));
    for (const dir of [".git/hooks", "node_modules/pkg", "venv/lib", "myenv/lib", "ignored"]) {
      mkdirSync(path.join(work, dir), { recursive: true });
      writeFileSync(path.join(work, dir, "mod.py"), needy);
    }
    writeFileSync(path.join(work, "myenv/pyvenv.cfg"), "home = /usr/bin\n");
    writeFileSync(path.join(work, ".gitignore"), "ignored/\n");
    const r = runCli(["--json", "--check", "."], { cwd: work });
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toContain("import-paddle/input.py");
    for (const dir of [".git/hooks", "node_modules/pkg", "venv/lib", "myenv/lib", "ignored"]) {
      expect(paths).not.toContain(`${dir}/mod.py`);
    }
    const explicit = runCli(["--json", "--check", "ignored/mod.py"], { cwd: work });
    expect(JSON.parse(explicit.stdout).files.map((f: { path: string }) => f.path)).toEqual(["ignored/mod.py"]);
  });

  it("finds an export in dist/ and build/ unless .gitignore skips them, says what was skipped, and --no-ignore includes it", () => {
    const needy = readFileSync(path.join(CASES, "import-paddle/input.py"));
    const tree = mkdtempSync(path.join(os.tmpdir(), "pfgf-dist-"));
    try {
      // PaddleSlim keeps its distillation code in paddleslim/dist/.
      for (const rel of ["paddleslim/dist/single_distiller.py", "build/lib/paddleslim/export.py", "dist/export.py", "tools/export.py"]) {
        mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
        writeFileSync(path.join(tree, rel), needy);
      }
      const sites = (args: string[]) => {
        const r = runCli(["--json", "--check", "--no-detect", ...args, "."], { cwd: tree });
        expect(r.code).toBe(1);
        const report = JSON.parse(r.stdout);
        return { paths: report.files.map((f: { path: string }) => f.path), summary: report.summary };
      };
      const all = ["build/lib/paddleslim/export.py", "dist/export.py", "paddleslim/dist/single_distiller.py", "tools/export.py"];
      expect(sites([])).toMatchObject({ paths: all, summary: { ignoredFiles: 0, ignoredFolders: 0 } });

      writeFileSync(path.join(tree, ".gitignore"), "/build/\n/dist/\ntools/export.py\n");
      expect(sites([])).toMatchObject({ paths: ["paddleslim/dist/single_distiller.py"], summary: { files: 1, ignoredFiles: 1, ignoredFolders: 2 } });
      const text = runCli(["--check", "--no-detect", "."], { cwd: tree });
      expect(text.stdout).toMatch(/· 1 \.py file and 2 folders skipped by ignore rules \(--no-ignore to include\) ·/);
      // --no-ignore (rg, fd) and ruff's --no-respect-gitignore walk them; nothing is counted as skipped.
      for (const flag of ["--no-ignore", "--no-respect-gitignore"]) {
        expect(sites([flag])).toMatchObject({ paths: all, summary: { files: 4, ignoredFiles: 0, ignoredFolders: 0 } });
      }
      expect(runCli(["--check", "--no-detect", "--no-ignore", "."], { cwd: tree }).stdout).not.toContain("ignore rules");

      // doctor honours the same flag, says what was skipped, and its fix command carries the flag.
      const doctor = runCli(["doctor", "--no-detect", "."], { cwd: tree });
      expect(doctor.stdout).toMatch(/^Left: +1 \.py file and 2 folders skipped by ignore rules \(--no-ignore to include\)\.$/m);
      expect(doctor.stdout).toMatch(/^Fix: +paddle-fullgraph-fix \.$/m);
      const all4 = runCli(["doctor", "--no-detect", "--no-ignore", "."], { cwd: tree });
      expect(all4.stdout).toMatch(/^Unfixed: +4 call sites$/m);
      expect(all4.stdout).toMatch(/^Fix: +paddle-fullgraph-fix --no-ignore \.$/m);
    } finally {
      removeTree(tree);
    }
  });

  it("walks a folder named on the command line even when the enclosing repository ignores it", () => {
    mkdirSync(path.join(work, ".git"));
    writeFileSync(path.join(work, ".gitignore"), "scratch/\n");
    mkdirSync(path.join(work, "scratch/deep/inner"), { recursive: true });
    writeFileSync(path.join(work, "scratch/deep/inner/mod.py"), readFileSync(path.join(CASES, "import-paddle/input.py")));
    // From the repository's top the folder is ignored...
    const top = JSON.parse(runCli(["--json", "--check", "--no-detect", "."], { cwd: work }).stdout);
    expect(top.files.map((f: { path: string }) => f.path)).not.toContain("scratch/deep/inner/mod.py");
    // ...but naming it (or a folder inside it) scans it.
    for (const named of ["scratch", "scratch/deep"]) {
      const r = runCli(["--json", "--check", "--no-detect", named], { cwd: work });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(["scratch/deep/inner/mod.py"]);
    }
  });

  it("--exclude skips matching paths; --force-exclude applies it to named files", () => {
    const r = runCli(["--json", "--check", "--exclude", "import-*", "--exclude", "**/bom/**", "."], { cwd: work });
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths.some((p: string) => p.startsWith("import-"))).toBe(false);
    expect(paths).not.toContain("bom/input.py");
    expect(paths).toContain("crlf/input.py");
    const named = ["--json", "--check", "--exclude", "import-paddle/*", "import-paddle/input.py"];
    expect(JSON.parse(runCli(named, { cwd: work }).stdout).files).toHaveLength(1);
    expect(JSON.parse(runCli([...named, "--force-exclude"], { cwd: work }).stdout).files).toHaveLength(0);
  });
});

describe("colour", () => {
  it("is off when piped, with NO_COLOR and with --no-color; FORCE_COLOR turns it on", () => {
    expect(runCli(["--check", "."], { cwd: work }).stdout).not.toMatch(ANSI);
    expect(runCli(["--check", "."], { cwd: work, env: { FORCE_COLOR: "1" } }).stdout).toMatch(ANSI);
    expect(runCli(["--check", "."], { cwd: work, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toMatch(ANSI);
    expect(runCli(["--check", "--no-color", "."], { cwd: work, env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(ANSI);
  });
});

describe("standard input (`-`)", () => {
  it("writes only the fixed source on stdout and the report on stderr", () => {
    const input = readFileSync(path.join(CASES, "crlf/input.py"), "utf8");
    const r = runCli(["-", "--stdin-filename", "tools/export_model.py"], { cwd: work, input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(CASES, "crlf/expected.py"), "utf8"));
    expect(r.stderr).toMatch(/^tools\/export_model\.py:5:20 {2}fixed {2}required/m);
  });

  it("passes untouched source through unchanged, and --check exits 1 with nothing on stdout", () => {
    const clean = readFileSync(path.join(CASES, "negatives/input.py"), "utf8");
    expect(runCli(["-"], { cwd: work, input: clean }).stdout).toBe(clean);
    const needy = readFileSync(path.join(CASES, "import-paddle/input.py"), "utf8");
    const check = runCli(["--check", "-"], { cwd: work, input: needy });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("");
  });
});

describe("--format github", () => {
  it("prints a workflow warning per pending fix and a notice per site that needs review", () => {
    const r = runCli(["--format", "github", "--check", "--no-detect", "import-paddle/input.py", "already-fixed/input.py"], { cwd: work });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("::warning "))).toEqual([
      "::warning file=import-paddle/input.py,line=5,col=14,title=paddle-fullgraph-fix (export)::paddle.jit.to_static(...) needs full_graph=True: result saved with paddle.jit.save at line 6",
    ]);
    expect(lines.filter((l) => l.startsWith("::notice ")).length).toBe(2);
  });
});

describe("a reader that stops early (`| head`)", () => {
  it("ends the output quietly: no stack trace, no error exit", async () => {
    const { spawn } = await import("node:child_process");
    const { CLI } = await import("../helpers/cli.js");
    // Enough pending fixes that the diff outgrows the pipe's buffer.
    const needy = readFileSync(path.join(CASES, "import-paddle/input.py"));
    mkdirSync(path.join(work, "many"));
    for (let i = 0; i < 200; i++) writeFileSync(path.join(work, "many", `m${i}.py`), needy);
    const child = spawn(process.execPath, [CLI, "--dry-run", "--no-detect", "."], { cwd: work, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|^\s+at /m);
    expect(code).toBe(0);
  });
});

describe("suggested commands", () => {
  it("spell the tool as it was called: through npx, or as the installed bin", async () => {
    const { invokedCommand } = await import("../../src/cli/output.js");
    expect(invokedCommand({ npm_command: "exec" })).toBe("npx paddle-fullgraph-fix");
    expect(invokedCommand({ npm_command: "run-script" })).toBe("paddle-fullgraph-fix");
    expect(invokedCommand({})).toBe("paddle-fullgraph-fix");
  });
});
