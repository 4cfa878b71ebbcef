// The dry-run diff is a patch the real tools take: `git apply` and
// `patch -p1`, run from the current folder, for files below it (names with
// spaces and non-ASCII letters included, in a repository's subfolder too),
// and from the folder the run names when some file lies outside it (both
// tools refuse ../ and absolute paths, by design).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeTree, ROOT, runCli } from "../helpers/cli.js";

const CASES = path.join(ROOT, "fixtures/cases");
const NEEDY = readFileSync(path.join(CASES, "import-paddle/input.py"));
const FIXED = readFileSync(path.join(CASES, "import-paddle/expected.py"));

const has = (tool: string) => spawnSync(tool, ["--version"], { encoding: "utf8" }).status === 0;
const tools = has("git") && has("patch");

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: os.tmpdir() } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `git apply --check` and `patch -p1 --dry-run` of the diff from `from`, then a real `patch -p1` on a copy: the files end as the tool writes them. */
function expectApplies(top: string, from: string, diff: string, files: string[]) {
  const git = run("git", ["apply", "--check", "-v", "-"], from, diff);
  expect(git.code, git.out).toBe(0);
  // git apply skips what it does not find in silence in some layouts: each file must be named as checked.
  expect(git.out.match(/^Checking patch /gm)?.length, git.out).toBe(files.length);
  const dry = run("patch", ["-p1", "--dry-run", "--batch"], from, diff);
  expect(dry.code, dry.out).toBe(0);
  expect(dry.out).not.toMatch(/dangerous|can't find/);
  const copy = mkdtempSync(path.join(os.tmpdir(), "pfgf-apply-"));
  try {
    cpSync(top, copy, { recursive: true });
    const there = path.join(copy, path.relative(top, from));
    expect(run("git", ["apply", "-"], there, diff).code).toBe(0);
    for (const file of files) expect(readFileSync(path.join(copy, path.relative(top, file))).equals(FIXED), file).toBe(true);
  } finally {
    removeTree(copy);
  }
}

let top: string;
beforeEach(() => {
  top = mkdtempSync(path.join(os.tmpdir(), "pfgf-diff-"));
});
afterEach(() => removeTree(top));

function tree(files: string[]): string[] {
  return files.map((rel) => {
    const full = path.join(top, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, NEEDY);
    return full;
  });
}

describe.skipIf(!tools)("the --diff patch", () => {
  it("applies from the current folder with git apply and patch -p1, odd names included", () => {
    const files = tree(["here/pkg/export.py", "here/with space/plain name.py", "here/with space/é ü.py", "here/q\"uote.py"]);
    const here = path.join(top, "here");
    const r = runCli(["--no-detect", "--diff", "."], { cwd: here });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--- a/pkg/export.py\n+++ b/pkg/export.py\n");
    expect(r.stderr).not.toContain("relative to");
    expectApplies(top, here, r.stdout, files);
    // Naming a subfolder or a file keeps the paths from here.
    const one = runCli(["--no-detect", "--diff", "pkg/export.py"], { cwd: here });
    expect(one.stdout.split("\n").slice(0, 2)).toEqual(["--- a/pkg/export.py", "+++ b/pkg/export.py"]);
  });

  it("applies from the current folder in a repository's subfolder too", () => {
    const files = tree(["repo/sub/export.py"]);
    const repo = path.join(top, "repo");
    expect(run("git", ["init", "-q"], repo).code).toBe(0);
    const sub = path.join(repo, "sub");
    const r = runCli(["--no-detect", "--diff", "."], { cwd: sub });
    expectApplies(top, sub, r.stdout, files);
  });

  it("for files outside the current folder, names the folder to apply it from, where both tools take it", () => {
    const files = tree(["elsewhere/a/export.py", "here/mine.py"]);
    const here = path.join(top, "here");
    for (const args of [["../elsewhere", "."], [path.join(top, "elsewhere/a/export.py"), "mine.py"]]) {
      const r = runCli(["--no-detect", "--diff", ...args], { cwd: here });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/^(---|\+\+\+) [ab]\/(\.\.\/|\/)/m);
      expect(r.stdout).toContain("--- a/here/mine.py\n");
      const note = r.stderr.split("\n").find((l) => l.includes("relative to"));
      expect(note).toBe(
        `paddle-fullgraph-fix: the diff's paths are relative to ${top}, not to the current folder: some files lie outside it, and git apply and patch refuse paths with ../; ` +
          `apply it from there: git -C ${top} apply FILE, or patch -d ${top} -p1 < FILE`,
      );
      expectApplies(top, top, r.stdout, files);
      // The JSON report says where, beside each file's diff.
      const json = JSON.parse(runCli(["--no-detect", "--diff", "--json", ...args], { cwd: here }).stdout);
      expect(json.diffRoot).toBe(top);
      expect(json.files.map((f: { diff: string }) => f.diff).join("")).toBe(r.stdout);
    }
  });

  it("from `-`: the name --stdin-filename gives, from here or from the folder it names", () => {
    const [file] = tree(["here/pkg/export.py"]);
    const here = path.join(top, "here");
    const r = runCli(["--diff", "-", "--stdin-filename", "pkg/export.py"], { cwd: here, input: NEEDY.toString("utf8") });
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["--- a/pkg/export.py", "+++ b/pkg/export.py"]);
    expectApplies(top, here, r.stdout, [file]);
    mkdirSync(path.join(top, "cwd"));
    const away = runCli(["--diff", "-", "--stdin-filename", "../here/pkg/export.py"], { cwd: path.join(top, "cwd"), input: NEEDY.toString("utf8") });
    expect(away.stdout.split("\n")[0]).toBe("--- a/here/pkg/export.py");
    expect(away.stderr).toContain(`the diff's paths are relative to ${top}`);
    expectApplies(top, top, away.stdout, [file]);
  });
});
