// The sweep: which temp files count as left behind by a killed run, that
// only those are removed, and that check and dry-run remove nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { fixPaths } from "../../src/engine.js";
import { nodeFs } from "../../src/files/fs-layer.js";
import { findStaleTemps, PIDLESS_STALE_AFTER_MS, processGone, sweepStaleTemps } from "../../src/files/temp-files.js";
import { tempName } from "../../src/files/temp-name.js";
import { formatJsonReport } from "../../src/report/json.js";
import { formatTextReport } from "../../src/report/text.js";
import { cleanup, errno, hashes, NEEDY, tempDir, writeTree } from "../helpers/fs.js";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  cleanup();
});
afterEach(() => void vi.restoreAllMocks());

/** A process that is alive for the whole test file. */
function liveProcess(): number {
  const child = spawn("sleep", ["600"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

/** The id of a process that has ended (and been reaped). */
function deadPid(): number {
  const pid = spawnSync("true").pid;
  expect(processGone(pid)).toBe(true);
  return pid;
}

const HEX = "0123456789ab";
const HOURS = 60 * 60 * 1000;

/** Sets a file's modification time `ms` into the past. */
function age(file: string, ms: number): void {
  const t = (Date.now() - ms) / 1000;
  utimesSync(file, t, t);
}

describe("processGone", () => {
  it("this process and a live child are alive; an ended child is gone", () => {
    expect(processGone(process.pid)).toBe(false);
    expect(processGone(liveProcess())).toBe(false);
    expect(processGone(deadPid())).toBe(true);
  });

  it("EPERM (someone else's process) means alive; only ESRCH means gone", () => {
    const kill = vi.spyOn(process, "kill");
    kill.mockImplementation(() => {
      throw errno("EPERM", "kill");
    });
    expect(processGone(12345)).toBe(false);
    kill.mockImplementation(() => {
      throw errno("EINVAL", "kill");
    });
    expect(processGone(12345)).toBe(false);
    kill.mockImplementation(() => {
      throw errno("ESRCH", "kill");
    });
    expect(processGone(12345)).toBe(true);
    expect(kill).toHaveBeenCalledWith(12345, 0);
  });
});

describe("findStaleTemps / sweepStaleTemps", () => {
  /** A folder holding one of each kind of file the sweep must tell apart. */
  function folder() {
    const dir = tempDir();
    const dead = deadPid();
    const live = liveProcess();
    const names = {
      dead: tempName("a.py", dead, HEX),
      live: tempName("b.py", live, HEX),
      mine: tempName("c.py", process.pid, HEX),
      oldStale: `.d.py.pfgf-${HEX}.tmp`,
      oldFresh: `.e.py.pfgf-${HEX}.tmp`,
    };
    writeTree(dir, {
      "a.py": NEEDY,
      [names.dead]: "half",
      [names.live]: "being written",
      [names.mine]: "being written",
      [names.oldStale]: "0.1.x, killed",
      [names.oldFresh]: "0.1.x, maybe still writing",
      // a user's files that look a bit like ours
      ".a.py.tmp": "user",
      "a.pfgf-abc.tmp.py": "user",
      [`${names.dead}.bak`]: "user",
      [names.dead.slice(1)]: "user",
      [names.dead.replace(HEX, HEX.toUpperCase())]: "user",
    });
    age(path.join(dir, names.oldStale), PIDLESS_STALE_AFTER_MS + 60_000);
    age(path.join(dir, names.oldFresh), PIDLESS_STALE_AFTER_MS - 60_000);
    // our names, but not files the writer creates
    mkdirSync(path.join(dir, tempName("f.py", dead, HEX)));
    symlinkSync("a.py", path.join(dir, tempName("g.py", dead, HEX)));
    return { dir, names };
  }

  it("finds a dead process's temp file and an hour-old pid-less one, nothing else", async () => {
    const { dir, names } = folder();
    expect(await findStaleTemps(dir)).toEqual([path.join(dir, names.dead), path.join(dir, names.oldStale)].sort());
  });

  it("removes exactly those, leaving every other entry as it was", async () => {
    const { dir, names } = folder();
    const before = hashes(dir);
    const result = await sweepStaleTemps([dir, dir], { remove: true });
    expect(result).toEqual({ removed: [path.join(dir, names.dead), path.join(dir, names.oldStale)].sort(), remaining: [] });
    const after = hashes(dir);
    expect([...before.keys()].filter((k) => !after.has(k)).sort()).toEqual([names.dead, names.oldStale].sort());
    for (const [k, h] of after) expect(h).toBe(before.get(k));
    expect(await findStaleTemps(dir)).toEqual([]);
  });

  it("remove: false lists them and deletes nothing", async () => {
    const { dir, names } = folder();
    const before = hashes(dir);
    const result = await sweepStaleTemps([dir], { remove: false });
    expect(result).toEqual({ removed: [], remaining: [path.join(dir, names.dead), path.join(dir, names.oldStale)].sort() });
    expect(hashes(dir)).toEqual(before);
  });

  it("a temp file that cannot be removed stays listed; one already gone counts as neither", async () => {
    const dir = tempDir();
    const stuck = tempName("a.py", deadPid(), HEX);
    const raced = tempName("b.py", deadPid(), HEX);
    writeTree(dir, { [stuck]: "", [raced]: "" });
    const layer = {
      ...nodeFs,
      unlink: async (p: string) => {
        if (p.endsWith(stuck)) throw errno("EACCES", "unlink");
        await nodeFs.unlink(p);
        throw errno("ENOENT", "unlink"); // as if another run had removed it first
      },
    };
    expect(await sweepStaleTemps([dir], { remove: true, layer })).toEqual({ removed: [], remaining: [path.join(dir, stuck)] });
  });

  it("a folder that cannot be read has nothing to sweep", async () => {
    expect(await sweepStaleTemps([path.join(tempDir(), "missing")], { remove: true })).toEqual({ removed: [], remaining: [] });
  });
});

describe("fixPaths sweeps the folders of the files it lists", () => {
  function tree() {
    const dir = tempDir();
    const dead = deadPid();
    const live = liveProcess();
    writeTree(dir, {
      "pkg/engine/trainer.py": NEEDY,
      "pkg/engine/utils.py": "x = 1\n",
      [`pkg/engine/${tempName("trainer.py", dead, HEX)}`]: NEEDY.slice(0, 20),
      [`pkg/engine/${tempName("trainer.py", live, HEX)}`]: NEEDY.slice(0, 30),
      // a folder with Python files but none the report lists: not looked at
      "pkg/data/reader.py": "x = 1\n",
      [`pkg/data/${tempName("reader.py", dead, HEX)}`]: "",
    });
    return { dir, dead, live };
  }

  it("--check and --dry-run list the stale one and delete nothing", async () => {
    for (const mode of ["check", "dry-run"] as const) {
      const { dir, dead } = tree();
      const before = hashes(dir);
      const report = await fixPaths([dir], { mode, cwd: dir });
      const stale = `pkg/engine/${tempName("trainer.py", dead, HEX)}`;
      expect(report.staleTempFiles).toEqual({ removed: 0, remaining: [stale] });
      expect(hashes(dir)).toEqual(before);
      const text = formatTextReport(report, false);
      const flag = mode === "check" ? "--check" : "--dry-run";
      expect(text).toContain(`${stale}  stale  temp file left by an interrupted run`);
      expect(text).toContain(`1 stale temp file left by an interrupted run (listed above): ${flag} deletes nothing; a run without --check and --dry-run removes it`);
      expect(JSON.parse(formatJsonReport(report)).staleTempFiles).toEqual({ removed: 0, remaining: [stale] });
    }
  });

  it("a write run removes the stale one beside the file it writes, keeps the live run's, and says so", async () => {
    const { dir, dead, live } = tree();
    const report = await fixPaths([dir], { mode: "write", cwd: dir });
    expect(report.files.map((f) => [f.path, f.status])).toEqual([["pkg/engine/trainer.py", "changed"]]);
    expect(report.staleTempFiles).toEqual({ removed: 1, remaining: [] });
    const left = Object.keys(Object.fromEntries(hashes(dir))).sort();
    expect(left).toEqual(
      [
        "pkg/data/reader.py",
        `pkg/data/${tempName("reader.py", dead, HEX)}`,
        `pkg/engine/${tempName("trainer.py", live, HEX)}`,
        "pkg/engine/trainer.py",
        "pkg/engine/utils.py",
      ].sort(),
    );
    expect(formatTextReport(report, false)).toContain("removed 1 stale temp file left by an interrupted run");
    expect(JSON.parse(formatJsonReport(report)).staleTempFiles).toEqual({ removed: 1, remaining: [] });
  });

  it("a rerun that writes nothing still sweeps beside the already-fixed file; --revert sweeps too", async () => {
    const { dir, dead } = tree();
    await fixPaths([dir], { mode: "write", cwd: dir });
    writeFileSync(path.join(dir, "pkg/engine", tempName("trainer.py", dead, HEX)), "");
    const again = await fixPaths([dir], { mode: "write", cwd: dir });
    expect(again.summary.changed).toBe(0);
    expect(again.staleTempFiles).toEqual({ removed: 1, remaining: [] });

    writeFileSync(path.join(dir, "pkg/engine", tempName("trainer.py", dead, HEX)), "");
    const reverted = await fixPaths([dir], { mode: "write", revert: true, cwd: dir });
    expect(reverted.summary.changed).toBe(1);
    expect(reverted.staleTempFiles).toEqual({ removed: 1, remaining: [] });
    expect(formatTextReport(reverted, false)).toContain("removed 1 stale temp file left by an interrupted run");
    expect(readFileSync(path.join(dir, "pkg/engine/trainer.py"), "utf8")).toBe(NEEDY);
  });

  it("no stale temp file: no staleTempFiles in the report, no line in the text", async () => {
    const dir = tempDir();
    writeTree(dir, { "a.py": NEEDY, ".a.py.tmp": "user" });
    const report = await fixPaths([dir], { mode: "write", cwd: dir });
    expect(report.staleTempFiles).toBeUndefined();
    expect(JSON.parse(formatJsonReport(report))).not.toHaveProperty("staleTempFiles");
    expect(formatTextReport(report, false).join("\n")).not.toContain("stale");
  });
});
