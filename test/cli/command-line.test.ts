// The command line behaves like the tools users know (ruff, black, git):
// --diff, `help`, complete --help screens, one prefix on every error line,
// contradictory options refused, --no-detect starting no interpreter, -q.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changedFiles, copyCheckableCases, copyTree, removeTree, ROOT, runCli, snapshot, type CliRun } from "../helpers/cli.js";

const CASES = path.join(ROOT, "fixtures/cases");
const PREFIX = "paddle-fullgraph-fix: ";

let work: string;
beforeEach(() => {
  work = copyCheckableCases();
});
afterEach(() => removeTree(work));

/** A usage error: exit 2, nothing on stdout, one line on stderr with our prefix. */
function expectUsageError(r: CliRun, label: string): string {
  expect(r.code, `${label}: ${r.stderr}`).toBe(2);
  expect(r.stdout, label).toBe("");
  const lines = r.stderr.split("\n").filter(Boolean);
  expect(lines, label).toHaveLength(1);
  expect(lines[0].startsWith(PREFIX), `${label}: ${lines[0]}`).toBe(true);
  expect(lines[0], label).not.toMatch(/\berror: /);
  return lines[0];
}

describe("--diff", () => {
  it("is --dry-run under ruff's and black's name: same output, same exit code, nothing written", () => {
    const before = snapshot(work);
    for (const extra of [[], ["--check"], ["--json"]]) {
      const dry = runCli(["--no-detect", "--dry-run", ...extra, "."], { cwd: work });
      const diff = runCli(["--no-detect", "--diff", ...extra, "."], { cwd: work });
      expect(diff, extra.join(" ")).toEqual(dry);
    }
    const shown = runCli(["--no-detect", "--diff", "import-paddle/input.py"], { cwd: work });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^--- a\/import-paddle\/input\.py\n\+\+\+ b\/import-paddle\/input\.py\n@@ /);
    expect(runCli(["--no-detect", "--diff", "--check", "."], { cwd: work }).code).toBe(1);
    expect(changedFiles(before, snapshot(work))).toEqual([]);
  });

  it("works on stdin too", () => {
    const input = readFileSync(path.join(CASES, "import-paddle/input.py"), "utf8");
    const r = runCli(["--diff", "-"], { cwd: work, input });
    expect(r).toEqual(runCli(["--dry-run", "-"], { cwd: work, input }));
    expect(r.stdout).toContain("+    static = paddle.jit.to_static(model, input_spec=spec, **_paddle_full_graph_kwargs())");
  });
});

describe("help", () => {
  it("`help` is --help and `help doctor` is doctor --help, exit 0", () => {
    const main = runCli(["--help"]);
    expect(main.code).toBe(0);
    expect(runCli(["help"])).toEqual(main);
    const doctor = runCli(["doctor", "--help"]);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/^Usage: paddle-fullgraph-fix doctor /);
    expect(runCli(["help", "doctor"])).toEqual(doctor);
    expect(doctor.stdout).not.toEqual(main.stdout);
  });

  it("--help shows usage, examples, every exit code and the README to read", () => {
    const help = runCli(["--help"]).stdout;
    expect(help).toMatch(/^Usage: paddle-fullgraph-fix /);
    for (const flag of ["--diff", "-q, --quiet", "doctor", "help [command]"]) expect(help).toContain(flag);
    const examples = help.split("\nExamples:\n")[1]?.split("\n\n")[0] ?? "";
    expect(examples.split("\n").filter((l) => l.trim().startsWith("paddle-fullgraph-fix ")).length).toBeGreaterThanOrEqual(4);
    const codes = help.split("\nExit codes:\n")[1]?.split("\n\n")[0] ?? "";
    expect(codes.split("\n").map((l) => l.trim().split(/\s+/)[0])).toEqual(["0", "1", "2", "130"]);
    // The codes are the README's Exit codes table, no more, no fewer.
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const table = readme.split("### Exit codes")[1].split("\n### ")[0];
    expect([...table.matchAll(/^\| ([\d, ]+) \|/gm)].map((m) => m[1])).toEqual(["0", "1", "2", "130, 143"]);
    const more = help.match(/^More: .*? (\/\S+README\.md)$/m);
    expect(more, help).not.toBeNull();
    expect(existsSync(more![1])).toBe(true);
  });

  it("doctor --help is complete: its argument, its options, examples, exit codes, the README", () => {
    const help = runCli(["doctor", "--help"]).stdout;
    for (const part of ["[root]", "--json", "--exclude <glob>", "--no-ignore", "--paddle-version <version>", "--python <path>", "--no-detect", "-h, --help", "Examples:", "Exit codes:", "README.md"]) {
      expect(help, part).toContain(part);
    }
    const codes = help.split("\nExit codes:\n")[1].split("\n\n")[0];
    expect(codes.split("\n").map((l) => l.trim().split(/\s+/)[0])).toEqual(["0", "1", "2"]);
    // The main command's own options are not doctor's.
    for (const flag of ["--check", "--diff", "--format", "--quiet"]) expect(help).not.toContain(flag);
  });
});

describe("errors", () => {
  it("every error line, the option parser's included, starts with the tool's name; usage errors exit 2", () => {
    const cases: [string[], RegExp][] = [
      [["--bogus"], /unknown option '--bogus'$/],
      [["--dry-rn"], /unknown option '--dry-rn' \(did you mean --dry-run\?\)$/],
      [["--format", "xml"], /'xml' is invalid\. Allowed choices are text, json, github\.$/],
      [["--style", "bare"], /'bare' is invalid/],
      [["--format"], /argument missing$/],
      [["--exclude"], /argument missing$/],
      [["doctor", "--bogus"], /unknown option '--bogus'$/],
      [["doctor", "a", "b"], /too many arguments for 'doctor'/],
      [["doctor", "--python"], /argument missing$/],
      [["--no-detect", "no-such-path"], /no-such-path/],
    ];
    for (const [args, message] of cases) {
      expect(expectUsageError(runCli(args, { cwd: work }), args.join(" ")), args.join(" ")).toMatch(message);
    }
  });

  it("contradictory options are refused with our own one line, exit 2, before anything is read or written", () => {
    const before = snapshot(work);
    const cases: [string[], RegExp][] = [
      [["--json", "--format", "github", "."], /^paddle-fullgraph-fix: --json and --format github contradict each other/],
      [["--format", "text", "--json", "."], /^paddle-fullgraph-fix: --json and --format text contradict each other/],
      [["--stdin-filename", "x.py", "."], /^paddle-fullgraph-fix: --stdin-filename names the source read from `-`.*no `-` was given$/],
      [["--stdin-filename", "x.py"], /no `-` was given$/],
      // Its annotations would need stdout, which `-` gives to the source: refused rather than sent nowhere.
      [["--format", "github", "-"], /^paddle-fullgraph-fix: --format github cannot be used with `-` \(standard input\): GitHub reads its annotations from standard output, which carries the fixed source/],
      [["--check", "--format", "github", "--stdin-filename", "a.py", "-"], /--format github cannot be used with `-`/],
      [["--no-detect", "--python", "python3", "."], /^paddle-fullgraph-fix: --no-detect cannot be combined with --python:/],
      [["--no-detect", "--paddle-version", "3.0", "."], /^paddle-fullgraph-fix: --no-detect cannot be combined with --paddle-version:/],
      [["--paddle-version", "3.0", "--python", "python3", "--no-detect", "."], /combined with --python and --paddle-version:/],
      [["doctor", "--no-detect", "--paddle-version", "3.0", "."], /^paddle-fullgraph-fix: --no-detect cannot be combined with --paddle-version:/],
      [["doctor", "--no-detect", "--python", "python3"], /combined with --python:/],
    ];
    for (const [args, message] of cases) {
      // Write mode: had the run started, it would have fixed files.
      expect(expectUsageError(runCli(args, { cwd: work }), args.join(" ")), args.join(" ")).toMatch(message);
    }
    expect(changedFiles(before, snapshot(work))).toEqual([]);
    // What is not a contradiction still runs.
    expect(runCli(["--json", "--format", "json", "--check", "--no-detect", "."], { cwd: work }).code).toBe(1);
    expect(runCli(["--stdin-filename", "x.py", "--check", "-"], { cwd: work, input: "x = 1\n" }).code).toBe(0);
    expect(runCli(["--paddle-version", "3.0", "--check", "."], { cwd: work }).code).toBe(1);
  });
});

describe("--exclude", () => {
  it("an empty pattern is a usage error with our own message, before anything is read or written", () => {
    const before = snapshot(work);
    for (const args of [["--exclude", "", "."], ["--exclude", "ok/", "--exclude=", "."], ["doctor", "--exclude", "", "."]]) {
      const line = expectUsageError(runCli(args, { cwd: work }), JSON.stringify(args));
      expect(line).toMatch(/^paddle-fullgraph-fix: --exclude needs a pattern, and "" is empty/);
    }
    expect(changedFiles(before, snapshot(work))).toEqual([]);
  });

  it("a trailing slash means folders only; ./ is a path from here; what was excluded is counted", () => {
    mkdirSync(path.join(work, "deep/legacy"), { recursive: true });
    const needy = readFileSync(path.join(CASES, "import-paddle/input.py"));
    writeFileSync(path.join(work, "deep/legacy/mod.py"), needy);
    writeFileSync(path.join(work, "deep/legacy.py"), needy);
    const files = (args: string[]) => {
      const r = runCli(["--no-detect", "--check", "--json", ...args, "."], { cwd: work });
      const report = JSON.parse(r.stdout);
      return { paths: report.files.map((f: { path: string }) => f.path), summary: report.summary };
    };
    const folders = files(["--exclude", "legacy/"]);
    expect(folders.paths).toContain("deep/legacy.py");
    expect(folders.paths).not.toContain("deep/legacy/mod.py");
    expect(folders.summary).toMatchObject({ excludedFiles: 0, excludedFolders: 1 });
    expect(files(["--exclude", "legacy*"]).paths.filter((p: string) => p.startsWith("deep/"))).toEqual([]);
    expect(files(["--exclude", "./deep/legacy.py"]).summary).toMatchObject({ excludedFiles: 1, excludedFolders: 0 });
    const text = runCli(["--no-detect", "--check", "--exclude", "legacy/", "--exclude", "legacy.py", "."], { cwd: work });
    expect(text.stdout).toMatch(/ · 1 \.py file and 1 folder excluded \(--exclude\)/);
  });

  it("a run the excludes leave with nothing to scan says so on stderr, naming what they skipped", () => {
    const r = runCli(["--no-detect", "--check", "--exclude", "*", "."], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^paddle-fullgraph-fix: --exclude left nothing to scan in \.: it skipped \d+ folders/m);
    const named = runCli(["--no-detect", "--check", "--force-exclude", "--exclude", "import-paddle/", "import-paddle/input.py"], { cwd: work });
    expect(named.stderr).toMatch(/--exclude left nothing to scan in import-paddle\/input\.py: it skipped 1 \.py file/);
    expect(runCli(["--no-detect", "--check", "-q", "--exclude", "*", "."], { cwd: work })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("warns when a path from here lies outside every folder walked (it excludes nothing there)", () => {
    const r = runCli(["--no-detect", "--check", "--exclude", "./input.py", "import-paddle"], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^paddle-fullgraph-fix: warning: --exclude \.\/input\.py is a path from the current folder \(.*\/input\.py\), outside import-paddle: it excludes nothing there; for a path below the folder walked, leave out the \.\/ \(--exclude input\.py\)$/m);
    expect(r.stdout).toContain("import-paddle/input.py:5:14");
    expect(runCli(["--no-detect", "--check", "--exclude", "./import-paddle/input.py", "import-paddle"], { cwd: work }).stderr).toBe("");
  });
});

describe("the tool's own version", () => {
  const version: string = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  const TOOL = `paddle-fullgraph-fix ${version}`;

  it("is named by the text header, the JSON report, doctor and the report of `-`", () => {
    expect(runCli(["--check", "--paddle-version", "3.0.0", "import-paddle"], { cwd: work }).stdout).toMatch(new RegExp(`^${TOOL} · Paddle 3\\.0\\.0 \\(--paddle-version 3\\.0\\.0\\) · `));
    for (const args of [["--no-detect", "--check", "."], ["--revert", "--check", "."]]) {
      expect(runCli(args, { cwd: work }).stdout.split("\n").slice(0, 2), args.join(" ")).toEqual([TOOL, ""]);
    }
    const tool = { name: "paddle-fullgraph-fix", version };
    const json = JSON.parse(runCli(["--no-detect", "--check", "--json", "."], { cwd: work }).stdout);
    expect(Object.keys(json).slice(0, 3)).toEqual(["version", "tool", "mode"]);
    expect(json.tool).toEqual(tool);
    expect(JSON.parse(runCli(["doctor", "--no-detect", "--json", "."], { cwd: work }).stdout).tool).toEqual(tool);
    expect(runCli(["doctor", "--no-detect", "."], { cwd: work }).stdout.trimEnd().split("\n").at(-1)).toBe(`Tool:      ${TOOL}`);
    const input = readFileSync(path.join(CASES, "import-paddle/input.py"), "utf8");
    expect(JSON.parse(runCli(["--json", "-"], { cwd: work, input }).stderr).tool).toEqual(tool);
  });

  it("is read from the package.json beside the installed files, bundle included", () => {
    // A copy of the package with another version: what it reports must follow.
    const pkg = mkdtempSync(path.join(os.tmpdir(), "pfgf-pkg-"));
    try {
      cpSync(path.join(ROOT, "dist"), path.join(pkg, "dist"), { recursive: true });
      const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
      writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ ...manifest, version: "9.8.7-test" }));
      const empty = mkdtempSync(path.join(pkg, "empty-"));
      const run = (args: string[]) => spawnSync(process.execPath, [path.join(pkg, "dist/cli.js"), ...args], { cwd: empty, encoding: "utf8" });
      expect(run(["--version"]).stdout).toBe("9.8.7-test\n");
      const r = run(["--no-detect", "--check", "--json", "."]);
      expect(JSON.parse(r.stdout).tool, r.stderr).toEqual({ name: "paddle-fullgraph-fix", version: "9.8.7-test" });
      expect(run(["--no-detect", "--check", "."]).stdout.split("\n")[0]).toBe("paddle-fullgraph-fix 9.8.7-test");
    } finally {
      removeTree(pkg);
    }
  });
});

describe("no Paddle found", () => {
  const gone = path.join(os.tmpdir(), "pfgf-no-such-venv", "venv");
  const env = { PATH: "", VIRTUAL_ENV: gone, CONDA_PREFIX: "" };
  const WARNING =
    `VIRTUAL_ENV=${gone} points to a folder that does not exist (a deleted or moved virtualenv still active in this shell?); ` +
    "no other Python was found either. Activate the environment the export runs in, or name its interpreter with --python PATH";
  const STALE = `paddle-fullgraph-fix: warning: ${WARNING}\n`;
  const NEXT = /^Next: say which Paddle the export runs with, --python PATH \(the interpreter that has it installed\) or --paddle-version X \(e\.g\. --paddle-version 3\.0\.0\)/m;

  it("the header says what to do next; a VIRTUAL_ENV that points nowhere is a warning on stderr, not a silent fallback", () => {
    const r = runCli(["--check", "import-paddle"], { cwd: work, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^paddle-fullgraph-fix \S+ · Paddle not found \(no Python interpreter found\) · /m);
    expect(r.stdout).toMatch(NEXT);
    expect(r.stdout).not.toContain("VIRTUAL_ENV");
    expect(r.stderr).toBe(STALE);
    // JSON keeps it with the environment's warnings; stderr says it too.
    const json = runCli(["--check", "--json", "import-paddle"], { cwd: work, env });
    expect(JSON.parse(json.stdout).environment.warnings).toContain(WARNING);
    expect(json.stderr).toBe(STALE);
    // doctor says both; -q says neither.
    const doctor = runCli(["doctor", "import-paddle"], { cwd: work, env });
    expect(doctor.stdout).toMatch(/^Paddle: +No Paddle found/m);
    expect(doctor.stdout).toMatch(/^ {11}Next: say which Paddle the export runs with, --python PATH/m);
    expect(doctor.stderr).toBe(STALE);
    expect(runCli(["--check", "-q", "import-paddle"], { cwd: work, env }).stderr).toBe("");
  });

  it("with a Paddle given, or a VIRTUAL_ENV that exists, there is nothing to say", () => {
    const given = runCli(["--check", "--paddle-version", "3.0.0", "import-paddle"], { cwd: work, env });
    expect(given.stdout).not.toMatch(/^Next:/m);
    expect(given.stderr).toBe("");
    expect(runCli(["--check", "import-paddle"], { cwd: work, env: { ...env, VIRTUAL_ENV: "" } }).stderr).toBe("");
  });
});

describe("--no-detect", () => {
  let venv: string;
  let markers: string;
  beforeEach(() => {
    // An interpreter that leaves a marker whenever it is started, found as the
    // active virtualenv's python and first on PATH.
    venv = mkdtempSync(path.join(os.tmpdir(), "pfgf-venv-"));
    markers = mkdtempSync(path.join(os.tmpdir(), "pfgf-markers-"));
    mkdirSync(path.join(venv, "bin"));
    for (const name of ["python", "python3"]) {
      const file = path.join(venv, "bin", name);
      writeFileSync(file, `#!/bin/sh\ntouch "${markers}/$$"\nexec ${JSON.stringify(realPython())} "$@"\n`);
      chmodSync(file, 0o755);
    }
  });
  afterEach(() => {
    removeTree(venv);
    removeTree(markers);
  });
  const env = () => ({ VIRTUAL_ENV: venv, PATH: `${path.join(venv, "bin")}${path.delimiter}${process.env.PATH}` });
  const started = () => readdirSync(markers).length;

  it("starts no interpreter, in any command; without it the same runs do (the test can fail)", () => {
    for (const args of [["--check", "."], ["--dry-run", "."], ["--json", "--check", "."], ["doctor", "--no-detect", "."], ["doctor", "--no-detect", "--json", "."]]) {
      const r = runCli(args[0] === "doctor" ? args : ["--no-detect", ...args], { cwd: work, env: env() });
      expect([0, 1], `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
      expect(started(), args.join(" ")).toBe(0);
    }
    expect(runCli(["--no-detect", "--python", path.join(venv, "bin/python"), "--check", "."], { cwd: work, env: env() }).code).toBe(2);
    // Before `doctor` it would be the main command's, ignored by doctor: refused instead.
    expect(expectUsageError(runCli(["--no-detect", "doctor", "."], { cwd: work, env: env() }), "--no-detect doctor")).toBe(
      "paddle-fullgraph-fix: --no-detect before `doctor` is the main command's option, not doctor's; put it after `doctor`",
    );
    expect(started()).toBe(0);
    runCli(["doctor", "."], { cwd: work, env: env() });
    expect(started()).toBeGreaterThan(0);
    removeTree(markers);
    mkdirSync(markers);
    runCli(["--check", "."], { cwd: work, env: env() });
    expect(started()).toBeGreaterThan(0);
  });
});

describe("-q/--quiet", () => {
  it("prints nothing but errors in text format, in every mode; the exit code is unchanged", () => {
    const loud = runCli(["--no-detect", "--check", "."], { cwd: work });
    expect(loud.stdout).not.toBe("");
    for (const flag of ["-q", "--quiet"]) {
      const r = runCli(["--no-detect", "--check", flag, "."], { cwd: work });
      expect(r).toEqual({ code: 1, stdout: "", stderr: "" });
    }
    const write = runCli(["-q", "."], { cwd: work });
    expect(write).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(path.join(work, "import-paddle/input.py")).equals(readFileSync(path.join(CASES, "import-paddle/expected.py")))).toBe(true);
  });

  it("keeps each file that could not be handled, as an error line with the prefix, and the closing error", () => {
    const all = copyTree(CASES);
    try {
      const r = runCli(["--no-detect", "--check", "-q", "."], { cwd: all });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.split("\n").filter(Boolean);
      for (const line of lines) expect(line.startsWith(PREFIX), line).toBe(true);
      expect(lines.slice(0, -1).sort()).toEqual(
        ["gbk-skipped/expected.py", "gbk-skipped/input.py", "syntax-error-skipped/expected.py", "syntax-error-skipped/input.py"].map((f) => expect.stringMatching(new RegExp(`^${PREFIX}${f}: (encoding 'gbk'|syntax error at)`))),
      );
      expect(lines.at(-1)).toMatch(/completed with errors \(4 files/);
    } finally {
      removeTree(all);
    }
  });

  it("still prints what was asked for: JSON, github annotations, the --diff diff, the fixed source of `-`", () => {
    const json = ["--no-detect", "--json", "--check", "."];
    const quietJson = runCli([...json, "-q"], { cwd: work });
    expect(quietJson.code).toBe(1);
    expect(JSON.parse(quietJson.stdout)).toEqual(JSON.parse(runCli(json, { cwd: work }).stdout));

    const github = runCli(["--no-detect", "--format", "github", "--check", "-q", "."], { cwd: work });
    expect(github.code).toBe(1);
    const annotations = github.stdout.split("\n").filter(Boolean);
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) expect(line).toMatch(/^::(warning|error|notice) /);

    const diff = ["--no-detect", "--diff", "."];
    const quietDiff = runCli([...diff, "-q"], { cwd: work });
    expect(runCli(diff, { cwd: work }).stderr).not.toBe("");
    expect(quietDiff).toEqual({ ...runCli(diff, { cwd: work }), stderr: "" });

    const input = readFileSync(path.join(CASES, "import-paddle/input.py"), "utf8");
    const stdin = runCli(["-q", "-"], { cwd: work, input });
    expect(stdin).toEqual({ code: 0, stdout: readFileSync(path.join(CASES, "import-paddle/expected.py"), "utf8"), stderr: "" });
    expect(runCli(["-"], { cwd: work, input }).stderr).not.toBe("");
  });

  it("drops the advice an empty run gives", () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "pfgf-empty-"));
    try {
      expect(runCli(["--no-detect", "--check", "."], { cwd: empty }).stderr).toMatch(/^paddle-fullgraph-fix: /m);
      expect(runCli(["--no-detect", "--check", "-q", "."], { cwd: empty })).toEqual({ code: 0, stdout: "", stderr: "" });
    } finally {
      removeTree(empty);
    }
  });
});

function realPython(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, "python3");
    if (existsSync(p)) return p;
  }
  return "python3";
}
