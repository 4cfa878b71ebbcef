// On a terminal, and only there: the dry-run diff in colour and, for a run
// that takes a while, a progress count on stderr that is wiped at the end.
// One decision (src/cli/terminal.ts), checked as a function, through the
// built CLI with the test hook, and once on a real pseudo-terminal.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { progressLine, progressText } from "../../src/cli/progress.js";
import { PROGRESS_AFTER_MS, terminal } from "../../src/cli/terminal.js";
import { CLI, removeTree, ROOT, runCli } from "../helpers/cli.js";

const ANSI = /\x1b\[[0-9;]*m/;
const NEEDY = readFileSync(path.join(ROOT, "fixtures/cases/import-paddle/input.py"));
const tty = { isTTY: true };
const pipe = {};

describe("terminal(): the one decision", () => {
  it("colours a stream only when it is a terminal, as picocolors reads NO_COLOR and FORCE_COLOR", () => {
    const on = terminal({}, {}, { stdout: tty, stderr: pipe });
    expect([on.color("stdout"), on.color("stderr")]).toEqual([true, false]);
    expect(terminal({ color: false }, {}, { stdout: tty, stderr: tty }).color("stdout")).toBe(false);
    expect(terminal({}, { NO_COLOR: "1" }, { stdout: tty, stderr: tty }).color("stdout")).toBe(false);
    expect(terminal({}, { TERM: "dumb" }, { stdout: tty, stderr: tty }).color("stdout")).toBe(false);
    expect(terminal({}, { FORCE_COLOR: "1" }, { stdout: pipe, stderr: pipe }).color("stderr")).toBe(true);
    expect(terminal({}, { FORCE_COLOR: "0" }, { stdout: pipe, stderr: pipe }).color("stderr")).toBe(false);
    expect(terminal({}, { FORCE_COLOR: "1", NO_COLOR: "1" }, { stdout: tty, stderr: tty }).color("stdout")).toBe(false);
    expect(terminal({}, {}, { stdout: tty, stderr: pipe }).colors("stdout").red("x")).toMatch(ANSI);
  });

  it("draws progress only on a terminal stderr, never with --json or -q, and FORCE_COLOR does not force it", () => {
    expect(terminal({}, {}, { stdout: pipe, stderr: tty }).progress).toBe(true);
    expect(terminal({}, {}, { stdout: tty, stderr: pipe }).progress).toBe(false);
    expect(terminal({ json: true }, {}, { stdout: tty, stderr: tty }).progress).toBe(false);
    expect(terminal({ quiet: true }, {}, { stdout: tty, stderr: tty }).progress).toBe(false);
    expect(terminal({}, { FORCE_COLOR: "1" }, { stdout: pipe, stderr: pipe }).progress).toBe(false);
    expect(terminal({}, {}, { stdout: tty, stderr: tty }).progressAfterMs).toBe(PROGRESS_AFTER_MS);
  });

  it("lets tests name the streams to treat as terminals", () => {
    for (const [value, stdout, stderr] of [["1", true, true], ["stderr", false, true], ["stdout,stderr", true, true], ["", false, false]] as const) {
      const t = terminal({}, { PADDLE_FULLGRAPH_FIX_TTY: value, PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS: "0" }, { stdout: pipe, stderr: pipe });
      expect([t.color("stdout"), t.progress], value).toEqual([stdout, stderr]);
      expect(t.progressAfterMs).toBe(0);
    }
  });
});

describe("the progress line", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("says nothing for the first second, then the count in place, at most ten times a second, and is wiped at the end", () => {
    let out = "";
    const line = progressLine(true, 1000, { write: (s: string) => (out += s) });
    line.update({ phase: "walk", done: 10, total: 0 });
    vi.advanceTimersByTime(999);
    expect(out).toBe("");
    vi.advanceTimersByTime(1);
    expect(out).toBe("\rlooking for Python files… 10 found");
    line.update({ phase: "scan", done: 5, total: 1234 });
    expect(out).toBe("\rlooking for Python files… 10 found"); // within 100 ms of the last draw
    vi.advanceTimersByTime(100);
    line.update({ phase: "scan", done: 6, total: 1234 });
    const width = "looking for Python files… 10 found".length;
    // Padded to cover the longer line before it.
    expect(out.split("\r").at(-1)).toBe("scanned 6 of 1234 files…".padEnd(width));
    line.stop();
    expect(out.endsWith(`\r${" ".repeat(width)}\r`)).toBe(true);
    line.update({ phase: "scan", done: 7, total: 1234 });
    vi.advanceTimersByTime(5000);
    expect(out.endsWith(`\r${" ".repeat(width)}\r`)).toBe(true);
  });

  it("writes nothing at all for a run done within the second, or when not enabled", () => {
    let out = "";
    const quick = progressLine(true, 1000, { write: (s: string) => (out += s) });
    quick.update({ phase: "scan", done: 1, total: 1 });
    quick.stop();
    vi.advanceTimersByTime(5000);
    const off = progressLine(false, 0, { write: (s: string) => (out += s) });
    off.update({ phase: "scan", done: 1, total: 1 });
    vi.advanceTimersByTime(5000);
    off.stop();
    expect(out).toBe("");
    expect(progressText({ phase: "scan", done: 1234, total: 46000 })).toBe("scanned 1234 of 46000 files…");
  });
});

describe("the command line", () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "pfgf-term-"));
    for (let i = 0; i < 30; i++) {
      mkdirSync(path.join(work, `pkg${i}`));
      writeFileSync(path.join(work, `pkg${i}`, "export.py"), NEEDY);
    }
  });
  afterEach(() => removeTree(work));
  const TTY = { PADDLE_FULLGRAPH_FIX_TTY: "stdout,stderr", PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS: "0" };
  const PROGRESS = /\r(looking for Python files… \d+ found|scanned \d+ of 30 files…) */;

  it("colours the dry-run diff on a terminal stdout only", () => {
    const coloured = runCli(["--no-detect", "--diff", "pkg0"], { cwd: work, env: TTY });
    expect(coloured.stdout).toMatch(/^\x1b\[1m--- a\/pkg0\/export\.py\x1b\[22m\n/);
    expect(coloured.stdout).toMatch(/^\x1b\[32m\+.*_paddle_full_graph_kwargs/m);
    expect(coloured.stdout).toMatch(/^\x1b\[31m-/m);
    const piped = runCli(["--no-detect", "--diff", "pkg0"], { cwd: work });
    expect(piped.stdout).not.toMatch(ANSI);
    expect(coloured.stdout.replace(/\x1b\[[0-9;]*m/g, "")).toBe(piped.stdout);
    expect(runCli(["--no-detect", "--diff", "--no-color", "pkg0"], { cwd: work, env: TTY }).stdout).toBe(piped.stdout);
    expect(runCli(["--no-detect", "--diff", "pkg0"], { cwd: work, env: { ...TTY, NO_COLOR: "1" } }).stdout).toBe(piped.stdout);
    // From `-` too.
    const stdin = runCli(["--diff", "-"], { cwd: work, env: TTY, input: NEEDY.toString("utf8") });
    expect(stdin.stdout).toMatch(/^\x1b\[1m--- a\/stdin\.py/);
  });

  it("shows a progress count on a terminal stderr, wiped before the report; never piped, with --json or -q", () => {
    const r = runCli(["--no-detect", "--diff", "."], { cwd: work, env: TTY });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${PROGRESS.source}`));
    // The last draw is wiped with spaces, and the report starts on a clean line after it.
    const [drawn, report] = r.stderr.split(/\r +\r/);
    expect(drawn.length).toBeGreaterThan(0);
    expect(report.replace(/\x1b\[[0-9;]*m/g, "")).toMatch(/^paddle-fullgraph-fix \S+\n\npkg0\/export\.py:5:14 {2}would-fix/);
    expect(report).not.toContain("\r");
    for (const [args, env] of [
      [["--diff", "."], { PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS: "0" }],
      [["--diff", "."], { ...TTY, PADDLE_FULLGRAPH_FIX_TTY: "stdout" }],
      [["--diff", "--json", "."], TTY],
      [["--diff", "-q", "."], TTY],
      [["--check", "--format", "json", "."], TTY],
      [["doctor", "--json", "."], TTY],
    ] as const) {
      const quiet = runCli(args[0] === "doctor" ? [...args, "--no-detect"] : ["--no-detect", ...args], { cwd: work, env });
      expect(quiet.stderr, args.join(" ")).not.toContain("\r");
    }
    expect(runCli(["doctor", "--no-detect", "."], { cwd: work, env: TTY }).stderr).toMatch(PROGRESS);
  });

  it.skipIf(!existsSync("/usr/bin/script"))("on a real pseudo-terminal: colour and progress with no hook but the delay", () => {
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --no-detect --diff .`;
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS: "0", FORCE_COLOR: "", NO_COLOR: "", TERM: "xterm", PADDLE_FULLGRAPH_FIX_TTY: "" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\x1b\[1m--- a\/pkg0\/export\.py/);
    expect(r.stdout).toMatch(PROGRESS);
    // Piped, the same run says neither.
    const piped = spawnSync(process.execPath, [CLI, "--no-detect", "--diff", "."], { cwd: work, encoding: "utf8", env: { ...process.env, PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS: "0", FORCE_COLOR: "" } });
    expect(`${piped.stdout}${piped.stderr}`).not.toMatch(/\r|\x1b\[/);
  });
});
