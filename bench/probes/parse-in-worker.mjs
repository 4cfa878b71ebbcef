#!/usr/bin/env node
// Probe, not part of `npm run bench` (issue 16, "both cores"): does parsing
// the candidate files off the main thread pay? The main thread walks, reads
// and prefilters as the tool does; the files that name to_static are fixed
// (fixBytes, check mode: no verify parse) either on the main thread or in a
// pool of worker threads (each loads the tool and tree-sitter itself), in
// walk order, results gathered by index.
//   node bench/probes/parse-in-worker.mjs DIR main|w1|w2
// Needs the tool built by the bench (bench/.work/tool/dist). Prints the
// walk, the whole, the parse time on the main thread (main) and the RSS.
import fs from "node:fs";
import path from "node:path";
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, "..", ".work", "tool", "dist");
const load = (rel) => import(pathToFileURL(path.join(dist, rel)).href);

if (!isMainThread) {
  const { fixBytes } = await load("rewrite/fix-bytes.js");
  parentPort.on("message", ({ id, bytes, file }) => {
    const result = fixBytes(Buffer.from(bytes), { path: file, verify: false });
    parentPort.postMessage({ id, sites: result.sites.length });
  });
} else {
  const [root, mode = "main"] = process.argv.slice(2);
  const pool = mode === "w2" ? 2 : mode === "w1" ? 1 : 0;
  const t0 = performance.now();
  // Started first, so their start-up overlaps the walk.
  const workers = Array.from({ length: pool }, () => new Worker(fileURLToPath(import.meta.url)));
  const { walkPaths } = await load("files/walk.js");
  const { fixBytes } = await load("rewrite/fix-bytes.js");
  const { calleeNeedle, mentionsName } = await load("python/prefilter.js");
  const { files } = await walkPaths([root], {});
  const walked = performance.now() - t0;
  const needle = calleeNeedle();
  const results = [];
  const waiting = new Map();
  for (const w of workers) w.on("message", ({ id, sites }) => waiting.get(id)(sites));
  let parse = 0;
  let candidates = 0;
  for (const file of files) {
    if (!file.target) continue;
    const bytes = fs.readFileSync(file.target);
    if (!mentionsName(bytes, needle)) continue;
    const id = candidates++;
    if (!pool) {
      const p0 = performance.now();
      results[id] = fixBytes(bytes, { path: file.path, verify: false }).sites.length;
      parse += performance.now() - p0;
      continue;
    }
    results[id] = new Promise((resolve) => waiting.set(id, resolve));
    workers[id % pool].postMessage({ id, bytes, file: file.path });
  }
  const sites = (await Promise.all(results)).reduce((a, b) => a + b, 0);
  await Promise.all(workers.map((w) => w.terminate()));
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`${mode}: walk ${ms(walked)}, all ${ms(performance.now() - t0)}${pool ? "" : `, parse on the main thread ${ms(parse)}`}; ${candidates} candidates, ${sites} sites; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}
