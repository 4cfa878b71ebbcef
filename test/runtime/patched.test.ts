/**
 * The decisive runtime proof: each fake PaddleDetection checkout, patched by
 * the CLI (default mode: guarded style), exports with python3 against the
 * stand-in paddle of every release row, 2.3 to develop.
 *
 * The one expected failure of a run that knows no Paddle (--no-detect) is
 * upstream's own bare `full_graph=True` (2.6.1 and develop main export) on
 * Paddle 2.3/2.4: the tool reports it `already-fixed` ("unguarded") and
 * leaves it alone. Told the Paddle in use rejects it (--paddle-version 2.4,
 * as a fork's pin says), the tool guards it, and those exports pass on every
 * release; --revert then gives the bare keyword back byte for byte.
 *
 * Also here: the CONTROL (the same checkouts unpatched fail on 2.6+ with the
 * real error text, so the patch is what makes the difference), and
 * `--style plain`, which passes on 2.5+ and breaks 2.3/2.4 (why the tool
 * refuses it for old Paddle).
 *
 * All CLI and python runs are started from one beforeAll, a few at a time
 * (the box has 2 cores), and each test then asserts on its own results.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedFiles, copyTree, removeTree, snapshot } from "../helpers/cli.js";
import {
  checkoutPath,
  describeRun,
  FAKE_CHECKOUTS,
  runExport,
  runTool,
  type ExportResult,
  type FakeCheckout,
  type ToolRun,
} from "../helpers/export-run.js";
import { disposeFakePaddles, fakePaddlePath, findRelease, PADDLE_RELEASES, sotErrorText } from "../helpers/fake-paddle.js";
import { pool } from "../helpers/pool.js";

const RELEASES = PADDLE_RELEASES.map((r) => r.release);
/** 2.5 and newer accept the keyword (the guard passes it there); 2.3/2.4 raise TypeError. */
const acceptsKeyword = (release: string) => findRelease(release).fullGraph !== "rejected";
/** 2.6 and newer convert with SOT unless told full_graph=True. */
const sotOnByDefault = (release: string) => findRelease(release).fullGraph === "honoured";

const THE_ERROR = `RuntimeError: ${sotErrorText("main_program")}`;
const KEYWORD_ERROR = "TypeError: declarative() got an unexpected keyword argument 'full_graph'";
/** The checkout whose --style plain output and control runs are exercised. */
const PLAIN_CHECKOUT = "ppdet-2.7";
const CONTROL_RELEASES = ["2.6", "3.0"];

interface JsonSite {
  line: number;
  class: string;
  action: string;
  code: string;
  reason: string;
}
interface JsonReport {
  files: { path: string; status: string; sites: JsonSite[] }[];
}

// ---------------------------------------------------------------------------
// Everything runs up front; tests read the results.

type Kind = "main" | "ssod";
const temps: string[] = [];
const patched = new Map<string, { dir: string; run: ToolRun }>();
const exports = new Map<string, ExportResult>();
let plain: { dir: string; run: ToolRun };
let refused: { run: ToolRun; changed: string[] };
/** Upstream-fixed checkouts patched for a Paddle that rejects the keyword, and a reverted copy of each. */
const bareGuarded = new Map<string, { dir: string; run: ToolRun; reverted: string[] }>();
const UPSTREAM_FIXED = FAKE_CHECKOUTS.filter((c) => c.upstreamFixed);

const key = (tree: string, checkout: string, kind: Kind, release: string) => `${tree}|${checkout}|${kind}|${release}`;
function result(tree: string, checkout: string, kind: Kind, release: string): ExportResult {
  const r = exports.get(key(tree, checkout, kind, release));
  if (!r) throw new Error(`no export run for ${key(tree, checkout, kind, release)}`);
  return r;
}

function copy(name: string): string {
  const dir = copyTree(checkoutPath(name, "input"));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  await Promise.all(RELEASES.map((r) => fakePaddlePath(r)));

  // 1. Patch: the default run on every checkout, plus the plain-style runs.
  const patchDirs = FAKE_CHECKOUTS.map((c) => copy(c.name));
  const plainDir = copy(PLAIN_CHECKOUT);
  const refusedDir = copy(PLAIN_CHECKOUT);
  const refusedBefore = snapshot(refusedDir);
  const [patchRuns, plainRun, refusedRun] = await Promise.all([
    Promise.all(patchDirs.map((dir) => runTool(["--no-detect", "--json", "."], dir))),
    runTool(["--style", "plain", "--paddle-version", "3.0", "."], plainDir),
    runTool(["--style", "plain", "--paddle-version", "2.4", "."], refusedDir),
  ]);
  FAKE_CHECKOUTS.forEach((c, i) => patched.set(c.name, { dir: patchDirs[i]!, run: patchRuns[i]! }));
  for (const c of UPSTREAM_FIXED) {
    const dir = copy(c.name);
    const again = copy(c.name);
    const run = await runTool(["--paddle-version", "2.4", "--json", "."], dir);
    // --no-wrap: a call re-wrapped for the checkout's .style.yapf keeps its wrapping after --revert (README).
    await runTool(["--paddle-version", "2.4", "--no-wrap", "."], again);
    await runTool(["--revert", "."], again);
    bareGuarded.set(c.name, { dir, run, reverted: changedFiles(snapshot(checkoutPath(c.name, "input")), snapshot(again)) });
  }
  plain = { dir: plainDir, run: plainRun };
  refused = { run: refusedRun, changed: changedFiles(refusedBefore, snapshot(refusedDir)) };

  // 2. Export: every patched checkout on every release; the plain output on
  //    every release; the unpatched inputs (control) on 2.6 and 3.0.
  const jobs: (() => Promise<void>)[] = [];
  const add = (tree: string, checkout: FakeCheckout, dir: string, releases: readonly string[]) => {
    for (const release of releases) {
      const kinds: Kind[] = checkout.ssod ? ["main", "ssod"] : ["main"];
      for (const kind of kinds) {
        jobs.push(async () => {
          exports.set(key(tree, checkout.name, kind, release), await runExport(dir, release, { ssod: kind === "ssod" }));
        });
      }
    }
  };
  for (const c of FAKE_CHECKOUTS) add("patched", c, patched.get(c.name)!.dir, RELEASES);
  for (const c of UPSTREAM_FIXED) add("bare-guarded", c, bareGuarded.get(c.name)!.dir, RELEASES);
  add("plain", FAKE_CHECKOUTS.find((c) => c.name === PLAIN_CHECKOUT)!, plainDir, RELEASES);
  for (const c of FAKE_CHECKOUTS) add("input", c, checkoutPath(c.name, "input"), CONTROL_RELEASES);
  await pool(jobs, 4);
}, 300_000);

afterAll(async () => {
  for (const dir of temps) removeTree(dir);
  await disposeFakePaddles();
});

function expectExported(run: ExportResult, release: string): void {
  expect(run.code, describeRun(run)).toBe(0);
  expect(run.exported, describeRun(run)).toBe(true);
  expect(run.model).toContain(`release ${release}`);
  expect(run.model).toContain("converted: whole-graph");
  expect(run.inferCfg).toContain("arch: TinyDet");
}

function expectFailed(run: ExportResult, lastLine: string): void {
  expect(run.code, describeRun(run)).not.toBe(0);
  expect(run.exported).toBe(false);
  expect(run.stderr.trim().split("\n").pop(), describeRun(run)).toContain(lastLine);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(relative(dir, full).split(sep).join("/"));
    }
  };
  visit(dir);
  return out.sort();
}

// ---------------------------------------------------------------------------

describe.each(FAKE_CHECKOUTS.map((c) => [c.name, c] as const))("%s patched (guarded)", (name, checkout) => {
  it("the CLI run exits 0 and writes the expected/ tree", () => {
    const { dir, run } = patched.get(name)!;
    expect(run.code, run.stderr).toBe(0);
    const expectedDir = checkoutPath(name, "expected");
    const changed = changedFiles(snapshot(checkoutPath(name, "input")), snapshot(dir));
    expect(changed).toEqual(listFiles(expectedDir));
    for (const rel of changed) {
      expect(readFileSync(join(dir, rel)).equals(readFileSync(join(expectedDir, rel))), rel).toBe(true);
    }
  });

  if (checkout.upstreamFixed) {
    it("reports upstream's bare full_graph=True as already-fixed and unguarded, and leaves it alone", () => {
      const report = JSON.parse(patched.get(name)!.run.stdout) as JsonReport;
      const trainer = report.files.find((f) => f.path === "ppdet/engine/trainer.py");
      expect(trainer?.status).toBe("unchanged");
      expect(trainer?.sites.map((s) => `${s.class}/${s.action}`)).toEqual(["required/already-fixed"]);
      expect(trainer!.sites[0]!.reason).toContain("unguarded");
    });
  }

  it.each(RELEASES)("main export on paddle %s", (release) => {
    const run = result("patched", name, "main", release);
    if (checkout.upstreamFixed && !acceptsKeyword(release)) {
      // The documented limitation: upstream's unguarded keyword, left alone.
      expectFailed(run, KEYWORD_ERROR);
      expect(run.stderr).toContain("trainer.py");
    } else {
      expectExported(run, release);
    }
  });

  if (checkout.ssod) {
    it.each(RELEASES)("semi-supervised export on paddle %s", (release) => {
      expectExported(result("patched", name, "ssod", release), release);
    });
  }

  // CONTROL: the unpatched input, same releases, same commands.
  it.each(CONTROL_RELEASES)("control: unpatched input on paddle %s fails where the patch is needed", (release) => {
    const main = result("input", name, "main", release);
    if (checkout.upstreamFixed) expectExported(main, release);
    else expectFailed(main, THE_ERROR);
    if (checkout.ssod) {
      const ssod = result("input", name, "ssod", release);
      expectFailed(ssod, THE_ERROR);
      expect(ssod.stderr).toContain("trainer_ssod.py");
    }
  });
});

describe.each(UPSTREAM_FIXED.map((c) => [c.name] as const))("%s patched for a Paddle that rejects the bare keyword (--paddle-version 2.4)", (name) => {
  it("guards upstream's bare full_graph=True and reports it fixed with its own code", () => {
    const { run } = bareGuarded.get(name)!;
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const trainer = report.files.find((f) => f.path === "ppdet/engine/trainer.py");
    expect(trainer?.status).toBe("changed");
    expect(trainer?.sites.map((s) => `${s.action} ${s.code}`)).toEqual(["fixed upstream/bare-keyword-rejected"]);
  });

  it.each(RELEASES)("main export on paddle %s", (release) => {
    expectExported(result("bare-guarded", name, "main", release), release);
  });

  it("--revert gives back every file byte for byte, the bare keyword included", () => {
    expect(bareGuarded.get(name)!.reverted).toEqual([]);
  });
});

describe(`${PLAIN_CHECKOUT} with --style plain`, () => {
  const checkout = FAKE_CHECKOUTS.find((c) => c.name === PLAIN_CHECKOUT)!;

  it("--paddle-version 3.0 writes a bare full_graph=True and no guard", () => {
    expect(plain.run.code, plain.run.stderr).toBe(0);
    const changed = changedFiles(snapshot(checkoutPath(PLAIN_CHECKOUT, "input")), snapshot(plain.dir));
    expect(changed).toEqual(listFiles(checkoutPath(PLAIN_CHECKOUT, "expected")));
    for (const rel of changed) {
      const text = readFileSync(join(plain.dir, rel), "utf8");
      expect(text, rel).toMatch(/input_spec=input_spec,\s+full_graph=True\)/);
      expect(text, rel).not.toContain("_paddle_full_graph_kwargs");
    }
  });

  it.each(RELEASES)("exports on paddle %s only where the keyword is accepted", (release) => {
    for (const kind of (checkout.ssod ? ["main", "ssod"] : ["main"]) as Kind[]) {
      const run = result("plain", PLAIN_CHECKOUT, kind, release);
      if (acceptsKeyword(release)) expectExported(run, release);
      else expectFailed(run, KEYWORD_ERROR);
    }
  });

  it("--paddle-version 2.4 is refused: exit 2, one-line reason, nothing written", () => {
    expect(refused.run.code, refused.run.stderr).toBe(2);
    expect(refused.run.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.run.stderr).toContain("2.4");
    expect(refused.changed).toEqual([]);
  });
});

it("the control covers the error the fix is for (sanity of the release table)", () => {
  for (const release of CONTROL_RELEASES) expect(sotOnByDefault(release), release).toBe(true);
  expect(RELEASES).toEqual(["2.3", "2.4", "2.5", "2.6", "3.0", "develop", "3.0.0-beta2"]);
});
