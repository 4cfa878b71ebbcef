// The README cannot drift from the code:
//  - the guard block it shows is patches/full-graph/guard.py's text;
//  - every sample output (report, doctor screen, JSON, help) sits under a
//    marker naming the command that makes it, and is that command's real
//    output, run here on the fixtures; UPDATE_README=1 rewrites the samples
//    from the runs (review the diff, then commit);
//  - a code excerpt of fixed code is found in the fixed fixture it names;
//  - the options table lists the command line's options one for one, and
//    doctor's synopsis doctor's.
//
// A marker is an HTML comment on the line before a code block (fenced, or
// indented by four spaces):
//   <!-- sample args="--check x" [cwd="fixtures/..."] [copy="/shown/path"] [stream="stderr|both"] [prompt] -->
// args are split on spaces; cwd is relative to the repository (default its
// top); copy runs in a temp copy of cwd (for write runs) and shows its path
// as the given one; prompt opens the block with `$ npx paddle-fullgraph-fix ARGS`.
//   <!-- excerpt of="fixtures/.../file.py" -->
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command, Option } from "commander";
import { describe, expect, it } from "vitest";
import { commandLine } from "../src/cli/main.js";
import { loadPatch } from "../src/patches.js";
import { CLI, ROOT } from "./helpers/cli.js";

const README = path.join(ROOT, "README.md");
/** Where the samples say the package is installed: a global npm install. */
const SHOWN_ROOT = "/usr/local/lib/node_modules/paddle-fullgraph-fix";
const UPDATE = process.env.UPDATE_README === "1";

it("README's guard block is patches/full-graph/guard.py's, line for line", () => {
  const readme = readFileSync(README, "utf8");
  const { beginMarker, endMarker, source } = loadPatch().guard;
  const start = readme.indexOf(beginMarker);
  const end = readme.indexOf(endMarker, start);
  expect(start).toBeGreaterThan(0);
  expect(readme.slice(start, end + endMarker.length)).toBe(source);
  expect(source.split("\n").length).toBeLessThanOrEqual(16);
});

interface Block {
  /** Index of the marker's line. */
  marker: number;
  kind: "sample" | "excerpt";
  attrs: Record<string, string>;
  fenced: boolean;
  /** Lines [from, to) of the block's body (inside the fence, or the indented lines). */
  from: number;
  to: number;
}

function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/(\w+)(?:="([^"]*)")?/g)) attrs[m[1]] = m[2] ?? "";
  return attrs;
}

/** The marked blocks, in README order. */
function markedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const m = /^<!-- (sample|excerpt)\b(.*?)-->$/.exec(line);
    if (!m) return;
    let start = i + 1;
    while (lines[start] === "") start++;
    if (lines[start].startsWith("```")) {
      let end = start + 1;
      while (!lines[end].startsWith("```")) end++;
      blocks.push({ marker: i, kind: m[1] as Block["kind"], attrs: attributes(m[2]), fenced: true, from: start + 1, to: end });
      return;
    }
    if (!lines[start].startsWith("    ")) throw new Error(`README line ${i + 1}: a marker must come right before a code block`);
    let end = start;
    // An indented block runs on across blank lines while indented lines follow.
    for (let j = start; j < lines.length; j++) {
      if (lines[j].startsWith("    ")) end = j + 1;
      else if (lines[j] !== "") break;
    }
    blocks.push({ marker: i, kind: m[1] as Block["kind"], attrs: attributes(m[2]), fenced: false, from: start, to: end });
  });
  return blocks;
}

/** The command's output as the README shows it (no trailing newline). */
function sampleOutput(attrs: Record<string, string>): string {
  const args = attrs.args.split(" ").filter(Boolean);
  let cwd = path.join(ROOT, attrs.cwd ?? ".");
  let copy: string | null = null;
  if ("copy" in attrs) {
    copy = mkdtempSync(path.join(os.tmpdir(), "pfgf-readme-"));
    cpSync(cwd, copy, { recursive: true });
    cwd = copy;
  }
  try {
    // Nothing of this machine's: no interpreter to find, no colour, no hooks.
    const env: NodeJS.ProcessEnv = { HOME: os.tmpdir(), PATH: "", LANG: "C.UTF-8" };
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 });
    const stream = attrs.stream ?? "stdout";
    let out = stream === "stderr" ? r.stderr : stream === "both" ? `${r.stdout}${r.stderr}` : r.stdout;
    if (!out.trim()) throw new Error(`${attrs.args}: no output on ${stream} (exit ${r.status}): ${r.stderr}`);
    if (copy) for (const p of new Set([copy, realpathSync(copy)])) out = out.split(p).join(attrs.copy);
    out = out.split(ROOT).join(SHOWN_ROOT);
    const lines = out.replace(/\n+$/, "").split("\n");
    if ("prompt" in attrs) lines.unshift(`$ npx paddle-fullgraph-fix ${attrs.args}`);
    return lines.join("\n");
  } finally {
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
}

describe("README samples come from real runs", () => {
  const text = readFileSync(README, "utf8");
  const lines = text.split("\n");
  const blocks = markedBlocks(lines);

  it("there are samples of the report, doctor, JSON and the help texts", () => {
    const args = blocks.filter((b) => b.kind === "sample").map((b) => b.attrs.args);
    for (const want of [/--check/, /^doctor --paddle-version/, /--json/, /^--help$/, /^doctor --help$/]) {
      expect(args.some((a) => want.test(a)), String(want)).toBe(true);
    }
  });

  it(UPDATE ? "are rewritten from the runs (UPDATE_README=1)" : "match what the commands print now (UPDATE_README=1 rewrites them)", () => {
    const out = [...lines];
    const mismatches: string[] = [];
    // From the last block up, so earlier line numbers stay valid while rewriting.
    for (const block of [...blocks].reverse().filter((b) => b.kind === "sample")) {
      const body = sampleOutput(block.attrs)
        .split("\n")
        .map((l) => (block.fenced || l === "" ? l : `    ${l}`));
      const now = lines.slice(block.from, block.to);
      if (now.join("\n") !== body.join("\n")) mismatches.push(`README line ${block.marker + 1} (${block.attrs.args})`);
      out.splice(block.from, block.to - block.from, ...body);
    }
    if (UPDATE) writeFileSync(README, out.join("\n"));
    else if (mismatches.length) expect(out.join("\n"), `samples differ from the runs: ${mismatches.join(", ")}; rerun with UPDATE_README=1 and review`).toBe(text);
  });

  it("excerpts of fixed code are in the fixed fixtures they name, indentation aside", () => {
    const excerpts = blocks.filter((b) => b.kind === "excerpt");
    expect(excerpts.length).toBeGreaterThan(0);
    for (const block of excerpts) {
      const shown = lines.slice(block.from, block.to);
      const file = readFileSync(path.join(ROOT, block.attrs.of), "utf8").split("\n");
      const found = file.some((line, i) => {
        const indent = line.slice(0, line.length - line.trimStart().length);
        return shown.every((s, k) => file[i + k] === (s ? indent + s : s));
      });
      expect(found, `README line ${block.marker + 1}: not in ${block.attrs.of}`).toBe(true);
    }
  });
});

/** `--flag` names of options, with whether each takes a value. */
function flagsOf(options: readonly Option[]): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const o of options) for (const f of [o.short, o.long]) if (f) flags.set(f, o.required || o.optional);
  return flags;
}

function allOptions(cmd: Command): Option[] {
  // Visible ones include commander's own -h/--help (and -V/--version); hidden aliases are options too.
  const visible = cmd.createHelp().visibleOptions(cmd);
  return [...visible, ...cmd.options.filter((o) => !visible.includes(o))];
}

/** `--flag` -> whether the README shows a value for it, from backticked tokens like `--exclude GLOB`. */
function readmeFlags(tokens: string[]): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const token of tokens) {
    const [flag, ...value] = token.split(" ");
    if (flag.startsWith("-") && flag !== "-") flags.set(flag, value.length > 0);
  }
  return flags;
}

const sorted = (m: Map<string, boolean>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe("the README lists the options the code has, one for one", () => {
  const readme = readFileSync(README, "utf8");
  const program = commandLine();

  it("the Usage options table is the main command's options", () => {
    const usage = readme.split("\n## Usage\n")[1];
    const table = usage.slice(usage.indexOf("| option | effect |")).split("\n\n")[0].split("\n").slice(2);
    const tokens = table.flatMap((row) => [...row.split(" | ")[0].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\\\|/g, "|")));
    expect(sorted(readmeFlags(tokens))).toEqual(sorted(flagsOf(allOptions(program))));
  });

  it("doctor's synopsis is doctor's options", () => {
    const synopsis = readme.split("\n").find((l) => /^\s+(npx )?paddle-fullgraph-fix doctor \[root\] \[-/.test(l));
    expect(synopsis, "the doctor section's synopsis line").toBeDefined();
    const tokens = [...synopsis!.matchAll(/\[(-[^\]]+)\]/g)].map((m) => m[1]);
    const doctor = program.commands.find((c) => c.name() === "doctor")!;
    const options = doctor.createHelp().visibleOptions(doctor).filter((o) => o.long !== "--help");
    expect(sorted(readmeFlags(tokens))).toEqual(sorted(flagsOf(options)));
  });
});
