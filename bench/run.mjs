#!/usr/bin/env node
// npm run bench [-- options]
//
// Times paddle-fullgraph-fix against ast-grep and ripgrep on generated
// inputs (see bench/README.md) and prints a markdown report on stdout:
// medians after a warm-up, ratios, peak RSS, the issue's targets as
// pass/fail, the machine and its load. Progress goes to stderr.
//
//   --quick          fewer repetitions, no ×100 input
//   --profile        also run the tool under --cpu-prof and summarise
//   --ref REF        measure the tool as committed at REF (default: the work tree)
//   --cli PATH       measure this built cli.js as is (no build)
//   --only LIST      comma-separated cases: startup,checkout,big,x100,tree,shape,scale
//   --reps N         override the repetitions of every case
//   --timeout S      bound on one run, seconds (default 600)
//   --out FILE       also write the report to FILE
//   --tree PATH      also time a real tree (copied under bench/.work/inputs)
//   --scale N[,M]    with --tree: the tree copied N times (a list: one case each)
//   --python PATH    the interpreter of the "with detection" rows (default:
//                    ~/.cache/paddle-fullgraph-fix/real/envs/paddle-3.3.1/bin/python if present)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { summarizeProfile } from "./lib/cpuprofile.mjs";
import { CALLS_PER_CHECKOUT, FIXES_PER_CHECKOUT, PY_FILES, generateBigFile, generateCheckout, generatorVersion, readStamp, stampMatches, writeStamp } from "./lib/inputs.mjs";
import { GNU_TIME, median, rssMethod, runMeasured } from "./lib/measure.mjs";
import { measureScale, renderScale } from "./lib/scale.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const WORK = path.join(BENCH, ".work");
const INPUTS = path.join(WORK, "inputs");
const STAMPS = path.join(WORK, "stamps");
const LOGS = path.join(WORK, "logs");

const SEED = 20_240_601;
const SCALE = 100;
const BIG_BYTES = 20_000_000;
const SG_PATTERN = "paddle.jit.to_static($$$A)";

const { values: opt } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    ref: { type: "string" },
    cli: { type: "string" },
    only: { type: "string" },
    reps: { type: "string" },
    timeout: { type: "string", default: "600" },
    out: { type: "string" },
    tree: { type: "string" },
    scale: { type: "string", default: "1" },
    python: { type: "string" },
  },
});
const TIMEOUT_S = Number(opt.timeout);
const only = opt.only ? new Set(opt.only.split(",")) : null;
const wanted = (c) => (only ? only.has(c) : c !== "x100" || !opt.quick);
const SCALES = opt.tree ? opt.scale.split(",").map(Number) : [];
if (SCALES.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--scale: whole numbers of 1 or more, got ${opt.scale}`);
// A real interpreter with Paddle installed, for the "with detection" rows (never a stand-in).
const DEFAULT_PYTHON = path.join(os.homedir(), ".cache", "paddle-fullgraph-fix", "real", "envs", "paddle-3.3.1", "bin", "python");
const PYTHON = opt.python ?? (fs.existsSync(DEFAULT_PYTHON) ? DEFAULT_PYTHON : null);

// [warm-up runs, measured runs] per case.
const PLAN = opt.quick
  ? { startup: [1, 5], empty: [1, 3], checkout: [1, 3], big: [0, 1], x100: [1, 1] }
  : { startup: [2, 15], empty: [1, 7], checkout: [1, 7], big: [1, 3], x100: [1, 3] };
// A real tree: like the checkout at ×1, fewer runs once copied many times.
for (const n of SCALES) PLAN[`tree${n}`] = opt.quick ? [1, 3] : n >= 10 ? [1, 5] : [1, 7];
// The generated checkout against the real tree, round-robin in one case (so
// one load for both): the code shape compared as MB of Python per second.
PLAN.shape = opt.quick ? [1, 3] : [1, 7];
// Many sites (issue 22): 5k to 40k sites, one file and 100 files, check and write.
PLAN.scale = opt.quick ? [0, 1] : [1, 3];
if (opt.reps) for (const k of Object.keys(PLAN)) PLAN[k][1] = Number(opt.reps);

const log = (...a) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${a.join(" ")}\n`);
const sh = (cmd, args, o = {}) => spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, ...o });
const which = (name) => {
  const r = sh("sh", ["-c", `command -v ${name}`]);
  return r.status === 0 ? r.stdout.trim() : null;
};
const mb = (bytes) => bytes / 1e6;

// ---------------------------------------------------------------- machine

function machine() {
  const cpu = (fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? os.cpus()[0]?.model ?? "?";
  const nproc = sh("nproc", []).stdout?.trim() || String(os.cpus().length);
  const head = sh("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO }).stdout.trim();
  return { cpu, nproc, memGiB: (os.totalmem() / 2 ** 30).toFixed(1), node: process.version, head, platform: `${os.type()} ${os.release()}` };
}
const uptime = () => sh("uptime", []).stdout?.trim() ?? `load ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`;

function freeGiB(dir) {
  const r = sh("df", ["-Pk", dir]);
  const cols = r.stdout?.trim().split("\n").pop()?.split(/\s+/);
  return cols ? Number(cols[3]) / 2 ** 20 : Infinity;
}

// ---------------------------------------------------------------- the tool

function buildTool() {
  if (opt.cli) return { cli: path.resolve(opt.cli), source: `prebuilt ${opt.cli} (not rebuilt)` };
  const dir = path.join(WORK, "tool");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const parts = ["src", "patches", "package.json", "tsconfig.json", "scripts"];
  let source;
  if (opt.ref) {
    const sha = sh("git", ["rev-parse", opt.ref], { cwd: REPO }).stdout.trim();
    if (!sha) throw new Error(`unknown ref ${opt.ref}`);
    // scripts/ (the CLI bundle step) is absent from older commits.
    const present = parts.filter((p) => sh("git", ["cat-file", "-e", `${sha}:${p}`], { cwd: REPO }).status === 0);
    const r = sh("sh", ["-c", `git archive ${sha} ${present.join(" ")} | tar -x -C '${dir}'`], { cwd: REPO });
    if (r.status !== 0) throw new Error(`git archive failed: ${r.stderr}`);
    source = `commit ${sha.slice(0, 10)} (--ref ${opt.ref})`;
  } else {
    // A snapshot, so edits made while the bench runs (or a rebuild of dist/) do not reach it.
    for (const p of parts) fs.cpSync(path.join(REPO, p), path.join(dir, p), { recursive: true });
    const dirty = sh("git", ["status", "--porcelain", "--", "src", "patches", "scripts"], { cwd: REPO }).stdout.trim();
    const head = sh("git", ["rev-parse", "--short=10", "HEAD"], { cwd: REPO }).stdout.trim();
    source = `work tree at ${head}${dirty ? ` plus uncommitted changes (${dirty.split("\n").length} paths under src/, patches/, scripts/)` : " (clean)"}`;
  }
  log(`building the tool (${source}) into ${path.relative(REPO, dir)}/dist`);
  const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
  const r = sh(process.execPath, [tsc, "-p", path.join(dir, "tsconfig.json")], { cwd: dir });
  if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}${r.stderr}`);
  // Then, as `npm run build` does, the command line's bundle (commits before it had none).
  if (fs.existsSync(path.join(dir, "scripts", "bundle.mjs"))) {
    const b = sh(process.execPath, [path.join(dir, "scripts", "bundle.mjs")], { cwd: dir });
    if (b.status !== 0) throw new Error(`scripts/bundle.mjs failed:\n${b.stdout}${b.stderr}`);
  }
  return { cli: path.join(dir, "dist", "cli.js"), source };
}

// ---------------------------------------------------------------- inputs

function ensureBoundary() {
  // The inputs live under bench/.work, which the repository ignores; a
  // repository boundary here keeps every tool (this one, rg, ast-grep) from
  // applying the outer .gitignore to them.
  fs.mkdirSync(INPUTS, { recursive: true });
  if (!fs.existsSync(path.join(INPUTS, ".git"))) {
    if (which("git")) sh("git", ["init", "-q", INPUTS]);
    else fs.mkdirSync(path.join(INPUTS, ".git"));
  }
  fs.mkdirSync(STAMPS, { recursive: true });
}

function prepared(name, key, make) {
  const dir = path.join(INPUTS, name);
  const stamp = path.join(STAMPS, `${name}.json`);
  if (stampMatches(stamp, key) && fs.existsSync(dir)) {
    log(`input ${name}: reusing (generator ${key})`);
    return { dir, manifest: readStamp(stamp).manifest };
  }
  fs.rmSync(stamp, { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = Date.now();
  log(`input ${name}: generating ...`);
  const manifest = make(dir);
  writeStamp(stamp, key, manifest);
  log(`input ${name}: generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { dir, manifest };
}

function inputs(version) {
  ensureBoundary();
  const out = {};
  const key = (what) => `${version}:${SEED}:${what}`;
  out.empty = { dir: path.join(INPUTS, "empty"), manifest: { pyFiles: 0, pyBytes: 0 } };
  fs.mkdirSync(out.empty.dir, { recursive: true });
  if (wanted("checkout") || wanted("x100") || (wanted("shape") && opt.tree)) out.checkout = prepared("checkout", key("checkout"), (dir) => generateCheckout(dir, SEED));
  if (wanted("big")) {
    out.big = prepared("big", key("big"), (dir) => {
      const m = generateBigFile(path.join(dir, "huge_exporters.py"), SEED + 7, BIG_BYTES, { splitDir: path.join(INPUTS, "big-split") });
      return { pyFiles: 1, pyBytes: m.bytes, calls: m.calls, fixes: m.calls };
    });
    out.big.splitDir = path.join(INPUTS, "big-split");
  }
  if (wanted("x100")) {
    const need = 3; // GiB: ~1.4 GB of input plus hard-linked copies
    const free = freeGiB(WORK);
    if (!stampMatches(path.join(STAMPS, "x100.json"), key("x100")) && free < need) {
      log(`input x100: skipped, ${free.toFixed(1)} GiB free under ${WORK} (needs ${need})`);
      out.x100skipped = `skipped: ${free.toFixed(1)} GiB free, ${need} GiB needed`;
    } else {
      out.x100 = prepared("x100", key("x100"), (dir) => {
        const total = { pyFiles: 0, pyBytes: 0, otherFiles: 0, otherBytes: 0, calls: 0, checkouts: [] };
        for (let i = 0; i < SCALE; i++) {
          const name = `ppdet-${String(i).padStart(3, "0")}`;
          const m = generateCheckout(path.join(dir, name), SEED + 1000 + i);
          for (const k of ["pyFiles", "pyBytes", "otherFiles", "otherBytes", "calls"]) total[k] += m[k];
          total.checkouts.push({ name, siteFiles: m.siteFiles });
          if (i % 10 === 9) log(`input x100: ${i + 1}/${SCALE} checkouts`);
        }
        return total;
      });
    }
  }
  if (wanted("tree")) for (const n of SCALES) out[`tree${n}`] = realTree(opt.tree, n);
  for (const [name, inp] of Object.entries(out)) {
    if (typeof inp !== "object" || !inp.manifest) continue;
    const m = inp.manifest;
    if (name === "checkout" || name === "x100") m.fixes = FIXES_PER_CHECKOUT * (name === "x100" ? SCALE : 1);
  }
  return out;
}

/**
 * A real tree the user points at, copied under the inputs (inside their
 * repository boundary, so every tool applies the tree's own .gitignore files
 * alike, and nothing of the enclosing repository's): at ×1 one copy, at ×N
 * N hard-linked copies side by side (only --check runs on them: nothing is
 * written). Copied anew each run, so it is always the tree as it is now.
 */
function realTree(src, n) {
  const from = path.resolve(src);
  if (!fs.statSync(from).isDirectory()) throw new Error(`--tree ${src}: not a folder`);
  const base = path.join(INPUTS, "tree-src");
  if (!realTree.copied) {
    fs.rmSync(base, { recursive: true, force: true });
    log(`input tree: copying ${from}`);
    must(sh("cp", ["-a", from, base]));
    // A .git inside would make the copy a repository of its own: the tools would agree, but the walk would differ from a checkout's.
    fs.rmSync(path.join(base, ".git"), { recursive: true, force: true });
    realTree.copied = true;
  }
  const py = { pyFiles: 0, pyBytes: 0, otherFiles: 0, otherBytes: 0 };
  const count = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) count(p);
      else if (e.isFile()) {
        const size = fs.statSync(p).size;
        if (e.name.endsWith(".py")) (py.pyFiles++, (py.pyBytes += size));
        else (py.otherFiles++, (py.otherBytes += size));
      }
    }
  };
  count(base);
  if (n === 1) return { dir: base, manifest: { ...py, scale: 1, source: from } };
  const dir = path.join(INPUTS, `tree-x${n}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) must(sh("cp", ["-al", base, path.join(dir, `copy-${String(i).padStart(3, "0")}`)]));
  const m = Object.fromEntries(Object.entries(py).map(([k, v]) => [k, v * n]));
  return { dir, manifest: { ...m, scale: n, source: from } };
}

/** A fresh copy for a fix run (its time is not measured). */
function freshCopy(name, inp) {
  const dst = path.join(INPUTS, "fix", name);
  fs.rmSync(dst, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  if (name === "x100") {
    // Hard links for the ~200,000 files nobody writes; real copies of the
    // files the fix rewrites (it writes a temp file and renames it over the
    // original, so even a linked file would keep the input intact; the
    // input's site files are hashed before and after to prove it).
    must(sh("cp", ["-al", inp.dir, dst]));
    for (const c of inp.manifest.checkouts) {
      for (const f of c.siteFiles) must(sh("cp", ["--remove-destination", path.join(inp.dir, c.name, f), path.join(dst, c.name, f)]));
    }
  } else must(sh("cp", ["-a", inp.dir, dst]));
  return dst;
}
function must(r) {
  if (r.status !== 0) throw new Error(r.stderr || `exit ${r.status}`);
  return r;
}

function hashSites(inp) {
  const h = createHash("sha256");
  for (const c of inp.manifest.checkouts) for (const f of c.siteFiles) h.update(fs.readFileSync(path.join(inp.dir, c.name, f)));
  return h.digest("hex");
}

// ---------------------------------------------------------------- commands

function commands(name, inp, tool, peers) {
  const dir = inp.dir;
  const tree = name.startsWith("tree");
  const cmds = [];
  // As a user runs it: detection on, against a real interpreter with Paddle installed.
  if (PYTHON && (tree || name === "checkout")) cmds.push({ id: "detect", label: "tool `--check` (with detection, `--python` real Paddle)", cmd: process.execPath, args: [tool.cli, "--check", "--python", PYTHON, dir], expect: [0, 1], kind: "tool" });
  cmds.push({ id: "check", label: "tool `--check --no-detect`", cmd: process.execPath, args: [tool.cli, "--check", "--no-detect", dir], expect: tree ? [0, 1] : [1], kind: "tool" });
  // The check's warm-up already brought the input into the page cache.
  if (!tree) cmds.push({ id: "fix", label: "tool fix `--no-detect` (fresh copy)", cmd: process.execPath, args: (copy) => [tool.cli, "--no-detect", copy], expect: [0], kind: "tool", copy: true, ...(name === "x100" ? { warm: 0 } : {}) });
  if (peers.sg) {
    const sgDir = name === "big" ? inp.splitDir : dir;
    // At ×100 ast-grep takes minutes per run: one run, no warm-up (the tool's runs warmed the cache).
    const slow = name === "x100" ? { warm: 0, reps: 1 } : tree && inp.manifest.scale >= 10 ? { warm: 0, reps: 2 } : {};
    cmds.push({ id: "sg", label: name === "big" ? "ast-grep run -p … (same code as 4 files¹)" : "ast-grep run -p …", cmd: peers.sg, args: ["run", "-p", SG_PATTERN, sgDir], expect: [0, 1], kind: "sg", ...slow });
    if (name === "big") cmds.push({ id: "sg1", label: "ast-grep run -p … (the one 20 MB file¹)", cmd: peers.sg, args: ["run", "-p", SG_PATTERN, dir], expect: [0, 1], kind: "sg" });
  }
  if (peers.rg) cmds.push({ id: "rg", label: "rg -l to_static", cmd: peers.rg, args: ["-l", "to_static", dir], expect: [0, 1], kind: "rg" });
  return cmds;
}

function found(c, run) {
  const text = (f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "");
  if (c.kind === "tool") {
    const t = text(run.stderrFile) + text(run.stdoutFile);
    const m = /(\d+) (?:to fix|fixed),.*?(\d+) files? scanned/.exec(t);
    return m ? { fixes: Number(m[1]), files: Number(m[2]) } : { raw: t.trim().split("\n").pop()?.slice(0, 120) };
  }
  if (c.kind === "sg") return { matches: text(run.stdoutFile).split("to_static(").length - 1 };
  if (c.kind === "rg") return { files: text(run.stdoutFile).split("\n").filter(Boolean).length };
  return {};
}

function describeFound(f) {
  if (!f) return "";
  if ("fixes" in f) return `${f.fixes} fixes / ${f.files} files`;
  if ("matches" in f) return `${f.matches} matches`;
  if ("files" in f) return `${f.files} files`;
  return f.raw ? `? ${f.raw}` : "";
}

async function measureCase(name, inp, cmds, [warm, reps]) {
  const results = Object.fromEntries(cmds.map((c) => [c.id, { c, runs: [], warm: [], notes: new Set() }]));
  const total = warm + reps;
  for (let round = 0; round < total; round++) {
    // Round-robin: every command once per round, so load changes hit all alike.
    for (const c of cmds) {
      const slot = results[c.id];
      if (slot.timedOutOnce) continue;
      // A command may take fewer warm-ups and runs (the slow peer at ×100): it runs in the first rounds.
      const cw = Math.min(c.warm ?? warm, warm);
      const cr = Math.min(c.reps ?? reps, reps);
      if (round < warm ? round >= cw : round - warm >= cr) continue;
      let copy = null;
      if (c.copy) copy = freshCopy(name, inp);
      const args = typeof c.args === "function" ? c.args(copy) : c.args;
      const run = await runMeasured(c.cmd, args, { cwd: INPUTS, timeoutS: TIMEOUT_S, logDir: LOGS, tag: `${name}-${c.id}` });
      run.found = found(c, run);
      if (copy) fs.rmSync(copy, { recursive: true, force: true });
      const phase = round < warm ? "warm-up" : `run ${round - warm + 1}/${cr}`;
      const bad = run.timedOut ? "TIMEOUT" : !c.expect.includes(run.code) ? `exit ${run.code}${run.signal ? ` (${run.signal})` : ""}` : "";
      log(`${name} ${c.id} ${phase}: ${run.wall.toFixed(3)} s, ${run.rssKB ? `${(run.rssKB / 1024).toFixed(0)} MB` : "? MB"}, load ${run.load.toFixed(2)} ${describeFound(run.found)} ${bad}`);
      if (run.timedOut) {
        slot.notes.add(`timed out after ${TIMEOUT_S} s`);
        slot.timedOutOnce = true;
      } else if (bad) slot.notes.add(bad);
      (round < warm ? slot.warm : slot.runs).push(run);
    }
  }
  return results;
}

// ---------------------------------------------------------------- report

function stats(slot) {
  const ok = slot.runs.filter((r) => !r.timedOut);
  const walls = ok.map((r) => r.wall);
  const cpu = ok.map((r) => (r.user ?? NaN) + (r.sys ?? NaN));
  const rss = slot.runs.concat(slot.warm).map((r) => r.rssKB).filter((x) => x != null);
  return {
    n: ok.length,
    wall: median(walls),
    min: walls.length ? Math.min(...walls) : null,
    max: walls.length ? Math.max(...walls) : null,
    cpu: median(cpu),
    rssMB: rss.length ? Math.max(...rss) / 1024 : null,
    load: median(slot.runs.map((r) => r.load)),
    found: slot.runs.length ? slot.runs[slot.runs.length - 1].found : null,
    timedOut: slot.timedOutOnce === true,
  };
}

/** Ratio of a tool time to a peer's; a peer that timed out gives an upper bound ("<"). */
function vs(tool, peer) {
  if (tool == null || !peer) return { text: "–", value: null };
  if (peer.wall == null && peer.timedOut) {
    const v = tool / TIMEOUT_S;
    return { text: `< ${fr(v)}`, value: v, bound: true };
  }
  const v = ratio(tool, peer.wall);
  return { text: fr(v), value: v };
}

const f3 = (x) => (x == null ? "–" : x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const fr = (x) => (x == null ? "–" : `${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}×`);

function renderCase(title, inp, res) {
  const rows = [];
  const sg = res.sg ? stats(res.sg) : null;
  const rg = res.rg ? stats(res.rg) : null;
  for (const slot of Object.values(res)) {
    const s = stats(slot);
    const vsSg = slot.c.kind === "tool" ? vs(s.wall, sg).text : "";
    const vsRg = slot.c.kind === "tool" ? vs(s.wall, rg).text : "";
    const wall = s.timedOut ? `TIMEOUT (> ${TIMEOUT_S} s)` : f3(s.wall);
    const notes = [...slot.notes].join("; ");
    rows.push(`| ${title} | ${slot.c.label} | ${wall} | ${f3(s.min)}–${f3(s.max)} | ${f3(s.cpu)} | ${s.rssMB == null ? "?" : s.rssMB.toFixed(0)} | ${s.n} | ${s.load == null ? "?" : s.load.toFixed(2)} | ${vsSg} | ${vsRg} | ${describeFound(s.found)}${notes ? ` ⚠ ${notes}` : ""} |`);
  }
  return rows;
}

function expectedNote(name, inp, res) {
  const notes = [];
  if (name.startsWith("tree")) return notes; // a real tree: nothing known in advance
  const m = inp.manifest;
  for (const id of ["check", "fix"]) {
    const s = res[id] && stats(res[id]);
    if (!s?.found) continue;
    if (s.found.files !== m.pyFiles || s.found.fixes !== m.fixes) notes.push(`⚠ ${name} ${id}: expected ${m.fixes} fixes in ${m.pyFiles} files, the tool reported ${describeFound(s.found)}`);
  }
  return notes;
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  const mach = machine();
  const loadStart = uptime();
  log(`start: ${loadStart}`);
  const tool = buildTool();
  const version = generatorVersion();
  const inp = inputs(version);

  const sgBin = path.join(REPO, "node_modules", ".bin", "ast-grep");
  const peers = { sg: fs.existsSync(sgBin) ? sgBin : null, rg: which("rg") };
  const peerVersions = {
    sg: peers.sg ? sh(peers.sg, ["--version"]).stdout.trim() : "not installed (npm install: @ast-grep/cli is a devDependency)",
    rg: peers.rg ? sh(peers.rg, ["--version"]).stdout.split("\n")[0] : "not on PATH: skipped",
  };
  const toolVersion = sh(process.execPath, [tool.cli, "--version"]).stdout.trim();

  const tables = [];
  const notes = [];
  const S = {};
  if (wanted("startup")) {
    const cmds = [
      { id: "node0", label: "`node -e 0` (reference)", cmd: process.execPath, args: ["-e", "0"], expect: [0], kind: "node" },
      { id: "version", label: "tool `--version`", cmd: process.execPath, args: [tool.cli, "--version"], expect: [0], kind: "node" },
    ];
    const res = await measureCase("startup", null, cmds, PLAN.startup);
    const emptyRes = await measureCase("empty", inp.empty, [{ id: "empty", label: "tool `--check --no-detect` on an empty folder", cmd: process.execPath, args: [tool.cli, "--check", "--no-detect", inp.empty.dir], expect: [0], kind: "node" }], PLAN.empty);
    S.node0 = stats(res.node0);
    S.version = stats(res.version);
    S.empty = stats(emptyRes.empty);
    tables.push(...renderCase("startup", null, res), ...renderCase("empty folder", null, emptyRes));
  }
  const caseTitle = {
    checkout: () => `checkout (${inp.checkout.manifest.pyFiles} .py, ${mb(inp.checkout.manifest.pyBytes).toFixed(1)} MB)`,
    big: () => `20 MB file (${inp.big.manifest.calls} calls)`,
    x100: () => `×${SCALE} (${inp.x100.manifest.pyFiles.toLocaleString("en")} .py, ${mb(inp.x100.manifest.pyBytes).toFixed(0)} MB)`,
  };
  for (const n of SCALES) caseTitle[`tree${n}`] = () => `real tree ×${n} (${inp[`tree${n}`].manifest.pyFiles.toLocaleString("en")} .py, ${mb(inp[`tree${n}`].manifest.pyBytes).toFixed(1)} MB)`;
  if (inp.checkout && inp.tree1 && wanted("shape") && wanted("tree")) {
    const cmds = [];
    for (const [id, what] of [["gen", inp.checkout], ["real", inp.tree1]]) {
      if (peers.sg) cmds.push({ id: `sg-${id}`, label: `ast-grep run -p … on the ${id === "gen" ? "generated checkout" : "real tree"}`, cmd: peers.sg, args: ["run", "-p", SG_PATTERN, what.dir], expect: [0, 1], kind: "sg" });
      cmds.push({ id: `check-${id}`, label: `tool \`--check --no-detect\` on the ${id === "gen" ? "generated checkout" : "real tree"}`, cmd: process.execPath, args: [tool.cli, "--check", "--no-detect", what.dir], expect: [0, 1], kind: "tool" });
    }
    const res = await measureCase("shape", null, cmds, PLAN.shape);
    S.shape = Object.fromEntries(Object.entries(res).map(([k, v]) => [k, stats(v)]));
    tables.push(...renderCase("code shape (same rounds)", null, res));
  }
  let x100Hash = null;
  for (const name of ["checkout", "big", "x100", ...SCALES.map((n) => `tree${n}`)]) {
    if (!wanted(name.startsWith("tree") ? "tree" : name) || !inp[name]) continue;
    if (name === "x100") x100Hash = hashSites(inp.x100);
    const res = await measureCase(name, inp[name], commands(name, inp[name], tool, peers), PLAN[name]);
    S[name] = Object.fromEntries(Object.entries(res).map(([k, v]) => [k, stats(v)]));
    tables.push(...renderCase(caseTitle[name](), inp[name], res));
    notes.push(...expectedNote(name, inp[name], res));
    if (name === "x100" && hashSites(inp.x100) !== x100Hash) notes.push("⚠ the ×100 input's site files changed during the fix runs (the hard-linked copy was written in place)");
  }
  if (inp.x100skipped) notes.push(`×${SCALE}: ${inp.x100skipped}`);
  let scale = "";
  if (wanted("scale")) {
    // Regenerated when scale.mjs (its generator) changes.
    const scaleVersion = createHash("sha256").update(fs.readFileSync(path.join(BENCH, "lib", "scale.mjs"))).digest("hex").slice(0, 16);
    const prepare = (name, make) => prepared(name, `${scaleVersion}:${name}`, make).dir;
    const rows = await measureScale({ cli: tool.cli, prepare, workDir: INPUTS, logDir: LOGS, timeoutS: TIMEOUT_S, warm: PLAN.scale[0], reps: PLAN.scale[1], log });
    S.scale = rows;
    scale = renderScale(rows);
  }

  let profiles = "";
  if (opt.profile) profiles = await profile(tool, inp);

  const loadEnd = uptime();
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const report = render({ mach, tool, toolVersion, peerVersions, inp, tables, notes, S, loadStart, loadEnd, minutes, version, profiles: scale + (scale && profiles ? "\n" : "") + profiles });
  process.stdout.write(report);
  fs.mkdirSync(path.join(WORK, "results"), { recursive: true });
  const stampName = new Date().toISOString().replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(WORK, "results", `${stampName}.md`), report);
  fs.writeFileSync(path.join(WORK, "results", `${stampName}.json`), JSON.stringify({ mach, tool, S, loadStart, loadEnd, minutes }, null, 2));
  if (opt.out) fs.writeFileSync(opt.out, report);
  log(`done in ${minutes} min; report also in ${path.relative(REPO, path.join(WORK, "results", `${stampName}.md`))}`);
}

const peerText = (p) => (!p ? "– (not run)" : p.wall == null && p.timedOut ? `> ${TIMEOUT_S} s (timed out)` : `${f3(p.wall)} s`);

function targets(S, inp) {
  const t = [];
  const row = (name, measured, limit, pass, note = "") => t.push(`| ${name} | ${measured} | ${limit} | ${pass == null ? "n/a" : pass ? "**pass**" : "**FAIL**"} | ${note} |`);
  const within = (r, limit) => (r.value == null ? null : r.value <= limit);
  // Issue 16: a real tree at ×1 and copied many times (the largest --scale).
  const one = S.tree1;
  if (one) {
    if (one.detect) {
      const r = vs(one.detect.wall, one.sg);
      row("real tree: `--check` with detection vs ast-grep", r.text, "≤ 0.5×", within(r, 0.5), `${f3(one.detect.wall)} s vs ${peerText(one.sg)}`);
    } else row("real tree: `--check` with detection vs ast-grep", "–", "≤ 0.5×", null, "no real interpreter (--python)");
    const r = vs(one.check?.wall, one.sg);
    row("real tree: `--check --no-detect` vs ast-grep", r.text, "≤ 0.35×", within(r, 0.35), `${f3(one.check?.wall)} s vs ${peerText(one.sg)}`);
  }
  const n = Math.max(0, ...SCALES.filter((k) => k > 1));
  const many = n ? S[`tree${n}`] : null;
  if (many) {
    const tool = many.detect ?? many.check;
    const which = many.detect ? "with detection" : "`--no-detect`";
    const rrg = vs(tool?.wall, many.rg);
    row(`real tree ×${n}: \`--check\` vs rg`, rrg.text, "≤ 3×", within(rrg, 3), `${which}: ${f3(tool?.wall)} s vs ${peerText(many.rg)}; \`--no-detect\` ${fr(vs(many.check?.wall, many.rg).value)}`);
    const rsg = vs(tool?.wall, many.sg);
    row(`real tree ×${n}: \`--check\` vs ast-grep`, rsg.text, "≤ 0.06×", within(rsg, 0.06), `${which}: ${f3(tool?.wall)} s vs ${peerText(many.sg)}`);
    const rss = Math.max(many.check?.rssMB ?? 0, many.detect?.rssMB ?? 0);
    row(`real tree ×${n}: peak RSS`, `${rss.toFixed(0)} MB`, "≤ 200 MB", rss <= 200);
  }
  const c = S.checkout;
  const x = S.x100;
  if (x) {
    const rrg = vs(x.check?.wall, x.rg);
    row(`generated ×${SCALE}: \`--check\` vs rg`, rrg.text, "≤ 4×", within(rrg, 4), `${f3(x.check?.wall)} s vs ${peerText(x.rg)}`);
    const rss = Math.max(x.check?.rssMB ?? 0, x.fix?.rssMB ?? 0);
    row(`generated ×${SCALE}: peak RSS (check, fix)`, `${rss.toFixed(0)} MB`, "≤ 200 MB", rss <= 200, `check ${x.check?.rssMB?.toFixed(0)} MB, fix ${x.fix?.rssMB?.toFixed(0)} MB`);
    if (c) {
      const bytesRatio = inp.x100.manifest.pyBytes / inp.checkout.manifest.pyBytes;
      const lin = ratio(x.check?.wall, c.check?.wall);
      const cpuLin = ratio(x.check?.cpu, c.check?.cpu);
      row(`linearity: ×${SCALE} time / ×1 time (\`--check\`)`, fr(lin), `≤ ${(1.2 * bytesRatio).toFixed(0)}× (1.2 × the byte ratio ${bytesRatio.toFixed(1)})`, lin == null ? null : lin <= 1.2 * bytesRatio, `CPU ratio ${fr(cpuLin)}; fix run ${fr(ratio(x.fix?.wall, c.fix?.wall))}`);
    }
  }
  const b = S.big;
  if (b) {
    const r = vs(b.fix?.wall, b.sg);
    row("20 MB file: fix vs ast-grep on the same code", r.text, "≤ 1.5×", within(r, 1.5), `${f3(b.fix?.wall)} s vs ${peerText(b.sg)} (ast-grep on the 4-part split¹)`);
  }
  if (S.version && S.node0) {
    const r = ratio(S.version.wall, S.node0.wall);
    row("startup: `--version` vs `node -e 0`", fr(r), "≤ 1.5×", r == null ? null : r <= 1.5, `${f3(S.version.wall)} s vs ${f3(S.node0.wall)} s; empty folder scan ${f3(S.empty?.wall)} s`);
  }
  // The generated checkout's code shape against the real tree's, timed in the same rounds.
  if (S.shape) {
    const rate = (st, m) => (st?.wall ? mb(m.pyBytes) / st.wall : null);
    for (const [id, label] of [["sg", "ast-grep"], ["check", "tool `--check --no-detect`"]]) {
      const gen = rate(S.shape[`${id}-gen`], inp.checkout.manifest);
      const real = rate(S.shape[`${id}-real`], inp.tree1.manifest);
      const off = gen && real ? gen / real - 1 : null;
      row(`generated vs real: ${label} MB/s`, off == null ? "–" : `${off >= 0 ? "+" : ""}${(off * 100).toFixed(0)}%`, "within ±30%", off == null ? null : Math.abs(off) <= 0.3, `${gen?.toFixed(1)} MB/s generated vs ${real?.toFixed(1)} MB/s real (same rounds)`);
    }
  }
  return t;
}

function render({ mach, tool, toolVersion, peerVersions, inp, tables, notes, S, loadStart, loadEnd, minutes, version, profiles }) {
  const plan = Object.entries(PLAN).map(([k, [w, n]]) => `${k} ${w}+${n}`).join(", ");
  const lines = [
    `## Benchmark ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC${opt.quick ? " (--quick)" : ""}`,
    "",
    `- machine: ${mach.cpu}, ${mach.nproc} CPUs (nproc), ${mach.memGiB} GiB, ${mach.platform}; Node ${mach.node}`,
    `- tool: paddle-fullgraph-fix ${toolVersion}, ${tool.source}`,
    `- peers: ${peerVersions.sg}; ${peerVersions.rg}`,
    `- load at start: \`${loadStart}\``,
    `- load at end: \`${loadEnd}\``,
    `- runs: warm-up + measured per case (${plan}); commands round-robin within a case; each run bounded by ${TIMEOUT_S} s; total ${minutes} min`,
    `- peak RSS: ${rssMethod}; wall: hrtime around the spawn; CPU: user+sys${GNU_TIME ? "" : " (unknown without GNU time)"}`,
    `- inputs: generator ${version}, seed ${SEED}; checkout ${inp.checkout ? `${inp.checkout.manifest.pyFiles} .py (${mb(inp.checkout.manifest.pyBytes).toFixed(2)} MB) + ${inp.checkout.manifest.otherFiles} other files (${mb(inp.checkout.manifest.otherBytes).toFixed(1)} MB), ${CALLS_PER_CHECKOUT} calls (${FIXES_PER_CHECKOUT} to fix)` : "–"}${inp.x100 ? `; ×${SCALE}: ${inp.x100.manifest.pyFiles.toLocaleString("en")} .py (${mb(inp.x100.manifest.pyBytes).toFixed(0)} MB) + ${inp.x100.manifest.otherFiles.toLocaleString("en")} other files (${mb(inp.x100.manifest.otherBytes).toFixed(0)} MB)` : ""}${inp.big ? `; big: ${mb(inp.big.manifest.pyBytes).toFixed(1)} MB, ${inp.big.manifest.calls} export calls` : ""}`,
    ...(inp.tree1 || SCALES.length ? [`- real tree: ${opt.tree} (copied; ×N as N hard-linked copies), ${inp[`tree${SCALES[0]}`] ? `${(inp[`tree${SCALES[0]}`].manifest.pyFiles / SCALES[0]).toLocaleString("en")} .py (${mb(inp[`tree${SCALES[0]}`].manifest.pyBytes / SCALES[0]).toFixed(2)} MB) a copy` : "not run"}; detection rows: ${PYTHON ?? "no real interpreter found (--python): not run"}`] : []),
    "",
    "| input | command | median wall s | min–max s | median CPU s | peak RSS MB | runs | load (1 min) | × ast-grep | × rg | found |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...tables,
    "",
    "### Targets (issue 16)",
    "",
    "| target | measured | limit | result | detail |",
    "| --- | --- | --- | --- | --- |",
    ...targets(S, inp),
    "",
  ];
  if (inp.big) lines.push("¹ ast-grep reports nothing for a Python file above about 7.4 MB (exit 1, no message): on the single 20 MB file it parses nothing, so its row there is the cost of skipping it. The comparison uses the same code split into 4 files of 5 MB, which it parses.", "");
  if (!GNU_TIME) lines.push("No GNU time: CPU columns are unknown.", "");
  if (notes.length) lines.push(...notes.map((n) => `- ${n}`), "");
  if (profiles) lines.push(profiles);
  return lines.join("\n") + "\n";
}

async function profile(tool, inp) {
  const out = ["### CPU profiles (`node --cpu-prof`, self time)", ""];
  const jobs = [];
  if (inp.checkout) jobs.push(["checkout `--check`", "checkout", () => [inp.checkout.dir], ["--check"]]);
  if (inp.big) jobs.push(["20 MB file fix (fresh copy)", "big", () => [freshCopy("big", inp.big)], []]);
  if (inp.x100) jobs.push([`×${SCALE} \`--check\``, "x100", () => [inp.x100.dir], ["--check"]]);
  for (const [title, name, target, flags] of jobs) {
    const dir = path.join(WORK, "prof", name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const paths = target();
    log(`profiling ${title}`);
    const run = await runMeasured(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, tool.cli, ...flags, "--no-detect", ...paths], { cwd: INPUTS, timeoutS: TIMEOUT_S, logDir: LOGS, tag: `prof-${name}` });
    if (name === "big") fs.rmSync(path.join(INPUTS, "fix", "big"), { recursive: true, force: true });
    const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    out.push(`#### ${title}: ${run.wall.toFixed(2)} s wall under the profiler`, "");
    out.push(file ? summarizeProfile(path.join(dir, file)).markdown : "(no profile written)", "");
  }
  return out.join("\n");
}

main().catch((e) => {
  log(`failed: ${e.stack ?? e}`);
  process.exit(2);
});
