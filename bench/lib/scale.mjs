// The many-sites case (issue 22): N small export functions, each
// `m = paddle.jit.to_static(model, input_spec=spec)` then a read of
// `m.forward.outputs`, in one file or spread evenly over 100 files, for N in
// the series. Check and write (on a fresh copy) are timed in the same rounds;
// the report gives wall and CPU time, peak RSS, write/check and the growth
// from one N to the next, and the issue's targets as pass/fail.
import fs from "node:fs";
import path from "node:path";
import { median, runMeasured } from "./measure.mjs";

export const SCALE_SERIES = [5_000, 10_000, 20_000, 40_000];
export const SCALE_FILES = 100;

/** One export function: the shape of the issue's report. */
function exportFunction(i) {
  return `\ndef export_${i}(model, spec):\n    m = paddle.jit.to_static(model, input_spec=spec)\n    return m.forward.outputs\n\n`;
}

function moduleText(from, count) {
  const parts = ["import paddle\n\n"];
  for (let i = from; i < from + count; i++) parts.push(exportFunction(i));
  return parts.join("");
}

/** Writes `sites` export functions into `dir`: one file, or `files` files of sites/files each. */
export function generateScale(dir, sites, files) {
  fs.mkdirSync(dir, { recursive: true });
  const per = sites / files;
  let bytes = 0;
  for (let k = 0; k < files; k++) {
    const text = moduleText(k * per, per);
    fs.writeFileSync(path.join(dir, files === 1 ? "many_exports.py" : `exports_${String(k).padStart(3, "0")}.py`), text);
    bytes += text.length;
  }
  return { sites, files, pyFiles: files, pyBytes: bytes, fixes: sites };
}

const ok = (run) => !run.timedOut && run.code !== null;

/**
 * Runs the series: for each N and layout, `reps` rounds of check then write
 * (after `warm` rounds). `prepare(name, make)` returns the input's folder.
 */
export async function measureScale({ cli, prepare, workDir, logDir, timeoutS, warm, reps, log }) {
  const rows = [];
  for (const sites of SCALE_SERIES) {
    for (const files of [1, SCALE_FILES]) {
      const name = `scale-${sites}-${files}`;
      const dir = prepare(name, (d) => generateScale(d, sites, files));
      const runs = { check: [], write: [] };
      for (let round = 0; round < warm + reps; round++) {
        const check = await runMeasured(process.execPath, [cli, "--check", "--no-detect", dir], { cwd: workDir, timeoutS, logDir, tag: `${name}-check` });
        const copy = path.join(workDir, "fix", name);
        fs.rmSync(copy, { recursive: true, force: true });
        fs.cpSync(dir, copy, { recursive: true });
        const write = await runMeasured(process.execPath, [cli, "--no-detect", copy], { cwd: workDir, timeoutS, logDir, tag: `${name}-write` });
        const written = fs.readdirSync(copy).filter((f) => f.endsWith(".py")).every((f) => fs.readFileSync(path.join(copy, f), "utf8").includes("_paddle_full_graph_kwargs()"));
        fs.rmSync(copy, { recursive: true, force: true });
        const phase = round < warm ? "warm-up" : `run ${round - warm + 1}/${reps}`;
        log(`${name} ${phase}: check ${check.wall.toFixed(2)} s ${(check.rssKB / 1024).toFixed(0)} MB exit ${check.code}; write ${write.wall.toFixed(2)} s ${(write.rssKB / 1024).toFixed(0)} MB exit ${write.code}${written ? "" : " (NOT every file written)"}, load ${check.load.toFixed(2)}`);
        if (round < warm) continue;
        runs.check.push({ ...check, good: ok(check) && check.code === 1 });
        runs.write.push({ ...write, good: ok(write) && write.code === 0 && written });
      }
      rows.push({ sites, files, check: summary(runs.check), write: summary(runs.write) });
    }
  }
  return rows;
}

function summary(runs) {
  const good = runs.filter((r) => r.good);
  return {
    n: good.length,
    bad: runs.length - good.length,
    wall: median(good.map((r) => r.wall)),
    cpu: median(good.map((r) => (r.user ?? NaN) + (r.sys ?? NaN))),
    rssMB: runs.some((r) => r.rssKB != null) ? Math.max(...runs.map((r) => r.rssKB ?? 0)) / 1024 : null,
    load: median(runs.map((r) => r.load)),
  };
}

const f2 = (x) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(2));
const f0 = (x) => (x == null ? "?" : x.toFixed(0));
const ratio = (a, b) => (a == null || b == null || !b ? null : a / b);
const verdict = (pass) => (pass == null ? "n/a" : pass ? "**pass**" : "**FAIL**");

/** The series as markdown: the table, then the issue's targets. */
export function renderScale(rows) {
  const out = [
    "### Many sites (issue 22): one file, and the same sites over 100 files",
    "",
    "| sites | files | check wall s | check CPU s | check RSS MB | write wall s | write CPU s | write RSS MB | write/check wall (CPU) | ×previous N: check, write (CPU) | runs | load |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const prev = new Map();
  for (const r of rows) {
    const p = prev.get(r.files);
    const growth = p ? `${f2(ratio(r.check.cpu, p.check.cpu))}×, ${f2(ratio(r.write.cpu, p.write.cpu))}×` : "";
    const bad = r.check.bad + r.write.bad ? ` ⚠ ${r.check.bad + r.write.bad} failed` : "";
    out.push(`| ${r.sites.toLocaleString("en")} | ${r.files} | ${f2(r.check.wall)} | ${f2(r.check.cpu)} | ${f0(r.check.rssMB)} | ${f2(r.write.wall)} | ${f2(r.write.cpu)} | ${f0(r.write.rssMB)} | ${f2(ratio(r.write.wall, r.check.wall))}× (${f2(ratio(r.write.cpu, r.check.cpu))}×) | ${growth} | ${r.check.n}+${r.write.n}${bad} | ${f2(r.check.load)} |`);
    prev.set(r.files, r);
  }
  out.push("", "| target | measured | limit | result |", "| --- | --- | --- | --- |");
  const worst = (key) => Math.max(...rows.map((r) => ratio(r.write[key], r.check[key]) ?? Infinity));
  out.push(`| write within 1.5× check at every N (wall; CPU) | ${f2(worst("wall"))}×; ${f2(worst("cpu"))}× | ≤ 1.5× | ${verdict(worst("cpu") <= 1.5)} (CPU) / ${verdict(worst("wall") <= 1.5)} (wall) |`);
  for (const files of [1, SCALE_FILES]) {
    const at = (n) => rows.find((r) => r.sites === n && r.files === files);
    const a = at(20_000);
    const b = at(40_000);
    if (!a || !b) continue;
    for (const mode of ["check", "write"]) {
      const g = ratio(b[mode].cpu, a[mode].cpu);
      const gw = ratio(b[mode].wall, a[mode].wall);
      out.push(`| linear, ${files === 1 ? "one file" : `${files} files`}, ${mode}: 40k time / 20k time (CPU; wall) | ${f2(g)}×; ${f2(gw)}× | ≤ 2.2× | ${verdict(g == null ? null : g <= 2.2)} |`);
    }
  }
  const big = rows.find((r) => r.sites === 40_000 && r.files === 1);
  if (big) {
    out.push(`| 40k sites, one file: write wall (CPU) | ${f2(big.write.wall)} s (${f2(big.write.cpu)} s) | < 15 s | ${verdict(big.write.wall == null ? null : big.write.wall < 15)} |`);
    for (const mode of ["check", "write"]) out.push(`| 40k sites, one file: ${mode} peak RSS | ${f0(big[mode].rssMB)} MB | < 400 MB | ${verdict(big[mode].rssMB == null ? null : big[mode].rssMB < 400)} |`);
  }
  return out.join("\n") + "\n";
}
