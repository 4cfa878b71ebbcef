// A run killed mid-write (SIGKILL: a CI timeout, the OOM killer) leaves every
// file wholly old or wholly new, and temp files beside the files it was
// writing; the next run removes those (and only those: a live run's stay),
// and a third run changes nothing. SIGINT and SIGTERM leave no temp file at
// all. The runs are the built CLI in a child process; the moments are
// caught by freezing the run (SIGSTOP) once the tree shows writes in flight,
// so each kill lands with temp files on disk, deterministically.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempName, parseTempName } from "../../src/files/temp-name.js";
import { fixBytes } from "../../src/rewrite/fix-bytes.js";
import { runCli } from "../helpers/cli.js";
import { freezeWhen, startCli, type Run } from "../helpers/freeze.js";
import { cleanup, hashes, leftoverTemps, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  cleanup();
});

const FIXED = fixBytes(Buffer.from(NEEDY), { path: "m.py" }).bytes.toString();
const FOLDERS = 6;
const PER_FOLDER = 30;
const N = FOLDERS * PER_FOLDER;
const FILES = Array.from({ length: N }, (_, i) => `pkg${i % FOLDERS}/m${String(i).padStart(3, "0")}.py`);
const ARGS = ["--no-detect", "--json", "."];

function tree(files = FILES): string {
  const dir = tempDir();
  writeTree(dir, Object.fromEntries(files.map((f) => [f, NEEDY])));
  return dir;
}

/** Each file is exactly the original or exactly the fixed text: never anything else. */
function states(dir: string): { old: string[]; fixed: string[] } {
  const out = { old: [] as string[], fixed: [] as string[] };
  for (const rel of FILES) {
    const text = readFileSync(path.join(dir, rel), "utf8");
    if (text === NEEDY) out.old.push(rel);
    else if (text === FIXED) out.fixed.push(rel);
    else throw new Error(`${rel} is neither old nor new`);
  }
  return out;
}

/** True once `share` of the files are fixed (checked on the whole tree, then cached: it only grows) and a temp file is on disk. */
function writing(dir: string, share: number): () => boolean {
  let reached = share === 0;
  return () => {
    if (!reached) reached = states(dir).fixed.length >= share * N;
    return reached && leftoverTemps(dir).length > 0;
  };
}

/** A run frozen with temp files on disk and at least `share` of the files fixed; retried on a fresh tree if it ends first. */
async function frozenMidWrite(share: number): Promise<{ dir: string; run: Run }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const dir = tree();
    const run = startCli(ARGS, dir);
    children.push(run.child);
    if (await freezeWhen(run, writing(dir, share))) return { dir, run };
    await run.exited;
  }
  throw new Error(`no run was caught writing with ${share * 100}% of the files fixed`);
}

/** The second and third runs: the first removes every leftover and finishes the fix, the second changes nothing. */
function rerunTwice(dir: string, leftovers: string[]): void {
  const oldBefore = states(dir).old;
  const second = runCli(ARGS, { cwd: dir });
  expect(second.code).toBe(0);
  const report = JSON.parse(second.stdout);
  expect(report.staleTempFiles).toEqual(leftovers.length ? { removed: leftovers.length, remaining: [] } : undefined);
  expect(report.files.filter((f: { status: string }) => f.status === "changed").map((f: { path: string }) => f.path).sort()).toEqual(oldBefore.sort());
  expect(leftoverTemps(dir)).toEqual([]);
  expect(states(dir).old).toEqual([]);

  const before = hashes(dir);
  const third = runCli(ARGS, { cwd: dir });
  expect(third.code).toBe(0);
  expect(JSON.parse(third.stdout)).toMatchObject({ summary: { changed: 0, fixed: 0, alreadyFixed: N } });
  expect(JSON.parse(third.stdout)).not.toHaveProperty("staleTempFiles");
  expect(hashes(dir)).toEqual(before);
}

describe.skipIf(process.platform !== "linux")("SIGKILL mid-write, then a rerun", () => {
  it.each([
    ["as the first writes begin", 0],
    ["a third of the way", 1 / 3],
    ["two thirds of the way", 2 / 3],
  ])("killed %s: every file old or new, the rerun removes the temp files and finishes, a third run changes nothing", async (_, share) => {
    const { dir, run } = await frozenMidWrite(share);
    const temps = leftoverTemps(dir);
    expect(temps.length).toBeGreaterThan(0);
    const atKill = states(dir); // throws if any file is half-written
    expect(atKill.fixed.length).toBeGreaterThanOrEqual(share * N);
    // Every temp file is one of ours, written by this run, beside a file still old.
    for (const temp of temps) {
      const name = parseTempName(path.basename(temp));
      expect(name).toMatchObject({ pid: run.child.pid });
      expect(atKill.old).toContain(path.relative(dir, path.join(path.dirname(temp), name!.target)));
    }

    run.child.kill("SIGKILL");
    expect(await run.exited).toMatchObject({ code: null, signal: "SIGKILL" });
    expect(leftoverTemps(dir)).toEqual(temps); // no handler ran: they stay
    expect(states(dir)).toEqual(atKill);

    rerunTwice(dir, temps);
  });

  it.each([200, 500])("killed %i ms after the start, whatever it was doing: the same holds", async (ms) => {
    const dir = tree();
    const run = startCli(ARGS, dir);
    children.push(run.child);
    await new Promise((r) => setTimeout(r, ms));
    run.child.kill("SIGKILL");
    await run.exited;
    states(dir);
    rerunTwice(dir, leftoverTemps(dir));
  });
});

describe.skipIf(process.platform !== "linux")("a live run's temp files are never removed", () => {
  it("a second run while the first is still writing leaves the first's temp files alone; both together fix every file once", async () => {
    const { dir, run: first } = await frozenMidWrite(0);
    const temps = leftoverTemps(dir);
    const contents = temps.map((t) => readFileSync(t));

    const second = runCli(ARGS, { cwd: dir });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).not.toHaveProperty("staleTempFiles");
    expect(leftoverTemps(dir)).toEqual(temps);
    temps.forEach((t, i) => expect(readFileSync(t)).toEqual(contents[i]));
    expect(states(dir).old).toEqual([]);

    // The first resumes: a file it was writing changed under it (the second
    // fixed it), so it leaves it alone (unless it was frozen past its content
    // check, where its rename puts the same fixed bytes), and removes its
    // temp files either way.
    first.child.kill("SIGCONT");
    const end = await first.exited;
    expect(end.signal).toBeNull();
    expect([0, 2]).toContain(end.code);
    for (const f of JSON.parse(end.stdout).files as { status: string; code?: string }[]) {
      if (f.status === "error") expect(f.code).toBe("file/changed-on-disk");
      else expect(["changed", "unchanged"]).toContain(f.status);
    }
    expect(leftoverTemps(dir)).toEqual([]);
    expect(states(dir).old).toEqual([]);
    const before = hashes(dir);
    expect(runCli(ARGS, { cwd: dir }).code).toBe(0);
    expect(hashes(dir)).toEqual(before);
  });

  it("a temp file named with a sleeping process's pid stays, byte for byte, through write, --revert, --check and --dry-run", () => {
    const sleeper = spawn("sleep", ["600"], { stdio: "ignore" });
    children.push(sleeper);
    const dead = spawnSync("true").pid;
    const dir = tree(FILES.slice(0, 2));
    const live = path.join(dir, "pkg0", tempName("m000.py", sleeper.pid!, "0123456789ab"));
    const stale = path.join(dir, "pkg0", tempName("m000.py", dead, "0123456789ab"));
    writeFileSync(live, "half of m000.py");

    for (const args of [["--check"], ["--dry-run"], [], ["--revert"]]) {
      writeFileSync(stale, "half of m000.py");
      const r = runCli(["--no-detect", ...args, "."], { cwd: dir, env: { NO_COLOR: "1" } });
      expect(r.code, r.stderr).toBe(args[0] === "--check" ? 1 : 0);
      const out = args[0] === "--dry-run" ? r.stderr : r.stdout;
      const rel = path.relative(dir, stale);
      if (args.length && args[0] !== "--revert") {
        // check and dry-run delete nothing and say what would
        const flag = args[0];
        expect(out).toContain(`${rel}  stale  temp file left by an interrupted run\n`);
        expect(out).toContain(`1 stale temp file left by an interrupted run (listed above): ${flag} deletes nothing; a run without --check and --dry-run removes it\n`);
        expect(readFileSync(stale, "utf8")).toBe("half of m000.py");
      } else {
        expect(out).toContain("removed 1 stale temp file left by an interrupted run\n");
        expect(leftoverTemps(dir)).toEqual([live]);
      }
      expect(out).not.toContain(path.basename(live));
      expect(readFileSync(live, "utf8")).toBe("half of m000.py");
    }
  });
});

describe.skipIf(process.platform !== "linux")("SIGINT and SIGTERM mid-write", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s while files are being written: those writes complete, no temp file remains", async (signal, code) => {
    const { dir, run } = await frozenMidWrite(0);
    const temps = leftoverTemps(dir);
    const inFlight = temps.map((t) => path.relative(dir, path.join(path.dirname(t), parseTempName(path.basename(t))!.target)));
    run.child.kill(signal);
    run.child.kill("SIGCONT");
    const end = await run.exited;
    expect(leftoverTemps(dir)).toEqual([]);
    const disk = states(dir);
    for (const file of inFlight) expect(disk.fixed).toContain(file);
    expect(end).toMatchObject({ code, signal: null });
    expect(end.stderr).toContain(`interrupted by ${signal}`);
    const report = JSON.parse(end.stdout);
    expect(report.files.filter((f: { status: string }) => f.status === "changed").map((f: { path: string }) => f.path).sort()).toEqual(disk.fixed.sort());
    expect(report.interrupted).toEqual({ signal, notStarted: expect.any(Number) });
  });

  it("stopping and resuming a run on its own changes nothing of the above (control)", async () => {
    const { dir, run } = await frozenMidWrite(0);
    run.child.kill("SIGCONT");
    const end = await run.exited;
    expect(end.code).toBe(0);
    expect(leftoverTemps(dir)).toEqual([]);
    expect(states(dir).old).toEqual([]);
  });
});
