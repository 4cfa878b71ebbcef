#!/usr/bin/env node
// Probe, not part of `npm run bench`: how long the tool's walk takes on its
// own, and what reading + prefiltering every file costs three ways.
//   node bench/probes/walk-and-read.mjs DIR async16|sync|readFileSync|none
// Needs the tool built by the bench (bench/.work/tool/dist/files/walk.js): it
// imports only the walk (collectFiles), never the CLI.
//   async16       the engine's way: FileHandle open, fstat, readFile, close;
//                 16 at a time; a setImmediate turn after each file
//   sync          openSync/fstatSync/readSync into one reused buffer, closeSync
//   readFileSync  one fresh Buffer per file
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setImmediate as turn } from "node:timers/promises";

const here = path.dirname(fileURLToPath(import.meta.url));
const { collectFiles } = await import(pathToFileURL(path.join(here, "..", ".work", "tool", "dist", "files", "walk.js")).href);
const [root, method = "sync"] = process.argv.slice(2);
const needle = Buffer.from("to_static");
const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);
const cpu = (u) => ((u.user + u.system) / 1e6).toFixed(2);

let c0 = process.cpuUsage();
let t0 = performance.now();
const files = (await collectFiles([root])).map((f) => f.target ?? f.path);
const walk = { s: (performance.now() - t0) / 1000, cpu: cpu(process.cpuUsage(c0)) };

let hits = 0;
c0 = process.cpuUsage();
t0 = performance.now();
if (method === "async16") {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const fh = await fs.promises.open(files[next++], flags);
      try {
        await fh.stat();
        if ((await fh.readFile()).indexOf(needle) >= 0) hits++;
      } finally {
        await fh.close();
      }
      await turn();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
} else if (method === "sync") {
  let buf = Buffer.allocUnsafe(1 << 20);
  for (const f of files) {
    const fd = fs.openSync(f, flags);
    try {
      const size = fs.fstatSync(fd).size;
      if (size > buf.length) buf = Buffer.allocUnsafe(size);
      let n = 0;
      for (let r; n < buf.length && (r = fs.readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
      if (buf.subarray(0, n).indexOf(needle) >= 0) hits++;
    } finally {
      fs.closeSync(fd);
    }
  }
} else if (method === "readFileSync") {
  for (const f of files) if (fs.readFileSync(f).indexOf(needle) >= 0) hits++;
}
const read = { s: (performance.now() - t0) / 1000, cpu: cpu(process.cpuUsage(c0)) };
console.log(
  `${method}: ${files.length} files; walk ${walk.s.toFixed(2)} s (CPU ${walk.cpu} s); ` +
    `read+prefilter ${read.s.toFixed(2)} s (CPU ${read.cpu} s), ${hits} candidates; ` +
    `max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
