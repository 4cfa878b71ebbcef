// Shared machinery of the golden-tree tests (fake checkouts and toolkits):
// run the CLI's default mode on a copy of input/, then --check and a second
// run; on a fresh copy, --check and --json --check. expected/ holds exactly
// the files the default run changes; UPDATE_GOLDEN=1 rewrites it.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { runTool, type ToolRun } from "./export-run.js";
import { changedFiles, copyTree, removeTree, snapshot } from "./cli.js";

export const updateGolden = process.env.UPDATE_GOLDEN === "1";

export interface JsonSite {
  line: number;
  column: number;
  form: string;
  callee: string;
  class: string;
  action: string;
  reason: string;
}
export interface JsonFile {
  path: string;
  status: string;
  reason?: string;
  sites: JsonSite[];
}
export interface JsonReport {
  version: number;
  files: JsonFile[];
  summary: Record<string, number>;
}

/** Relative posix paths of every file below dir ([] when dir is missing). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  visit(dir);
  return out.sort();
}

/** Bytes as a string that maps 1:1 to them, so a mismatch shows a readable diff. */
export const bytes = (file: string) => readFileSync(file).toString("latin1");

export interface TreeOutcome {
  /** The copy the default run wrote to; later --check and a second run. */
  work: string;
  /** An untouched copy for --check and --json --check. */
  fresh: string;
  input: Map<string, string>;
  fix: ToolRun;
  afterFix: Map<string, string>;
  checkAfterFix: ToolRun;
  afterCheck: Map<string, string>;
  second: ToolRun;
  afterSecond: Map<string, string>;
  freshCheck: ToolRun;
  freshJson: ToolRun;
  afterFreshRuns: Map<string, string>;
}

export async function runGoldenTree(inputDir: string): Promise<TreeOutcome> {
  const work = copyTree(inputDir);
  const fresh = copyTree(inputDir);
  const input = snapshot(work);
  // Two independent chains: the written copy, and the fresh copy.
  const written = (async () => {
    const fix = await runTool(["--no-detect", "."], work);
    const afterFix = snapshot(work);
    const checkAfterFix = await runTool(["--no-detect", "--check", "."], work);
    const afterCheck = snapshot(work);
    const second = await runTool(["--no-detect", "--json", "."], work);
    return { fix, afterFix, checkAfterFix, afterCheck, second, afterSecond: snapshot(work) };
  })();
  const checked = (async () => {
    const freshCheck = await runTool(["--no-detect", "--check", "."], fresh);
    const freshJson = await runTool(["--no-detect", "--json", "--check", "."], fresh);
    return { freshCheck, freshJson, afterFreshRuns: snapshot(fresh) };
  })();
  return { work, fresh, input, ...(await written), ...(await checked) };
}

/** UPDATE_GOLDEN=1: expected/ becomes exactly the files the default run changed. */
export function writeExpected(outcome: TreeOutcome, expectedDir: string): void {
  rmSync(expectedDir, { recursive: true, force: true });
  for (const rel of changedFiles(outcome.input, outcome.afterFix)) {
    const target = path.join(expectedDir, ...rel.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(outcome.work, ...rel.split("/")), target);
  }
}

export function removeOutcome(outcome: TreeOutcome): void {
  removeTree(outcome.work);
  removeTree(outcome.fresh);
}

/**
 * Registers the runs of every named tree (before the file's tests; expected/
 * rewritten under UPDATE_GOLDEN=1; temp copies removed after) and returns the
 * lookup of a tree's outcome.
 */
export function goldenTreeRuns(
  names: readonly string[],
  treePath: (name: string, tree: "input" | "expected") => string,
): (name: string) => TreeOutcome {
  const outcomes = new Map<string, TreeOutcome>();
  beforeAll(async () => {
    await Promise.all(
      names.map(async (name) => {
        const o = await runGoldenTree(treePath(name, "input"));
        outcomes.set(name, o);
        if (updateGolden) writeExpected(o, treePath(name, "expected"));
      }),
    );
  }, 180_000);
  afterAll(() => outcomes.forEach(removeOutcome));
  return (name) => {
    const o = outcomes.get(name);
    if (!o) throw new Error(`no run for ${name}`);
    return o;
  };
}
