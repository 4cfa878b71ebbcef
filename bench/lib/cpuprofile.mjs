// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per
// function and per area of the program, as markdown.
import fs from "node:fs";

const FS_NATIVES = new Set(["open", "openFileHandle", "close", "read", "readFileUtf8", "fstat", "lstat", "stat", "readdir", "realpath", "writeBuffer", "writeString", "fsync", "rename", "unlink", "access", "chmod", "chown", "internalModuleStat", "internalModuleReadJSON"]);

/** Where a frame belongs, for the per-area totals. */
function area(frame) {
  const { functionName: fn, url } = frame;
  if (fn === "(garbage collector)") return "garbage collector";
  if (fn === "(program)") return "(program): native, outside JS frames";
  if (fn === "(idle)") return "(idle): waiting for I/O";
  if (fn === "(root)") return "(root)";
  if (/node_modules\/tree-sitter(-python)?\//.test(url)) return "tree-sitter binding (parse, nodes, queries)";
  if (/node_modules\//.test(url)) return `dependency: ${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)[1]}`;
  if (/\/dist\/cli\/main\.bundle\.js/.test(url)) return "tool: the bundled command line (dist/cli/main.bundle.js: walk, prefilter, analysis, report)";
  if (/\/(dist|src)\/python\//.test(url)) return "tool: python/ (resolve, locate, classify)";
  if (/\/(dist|src)\/rewrite\//.test(url)) return "tool: rewrite/ (insert, guard, verify)";
  if (/\/(dist|src)\/files\.js/.test(url)) return "tool: files.js (walk, .gitignore)";
  if (/\/(dist|src)\/fs-layer\.js/.test(url)) return "tool: fs-layer.js (reads)";
  if (/\/(dist|src)\/(fix-bytes|encoding)\.js/.test(url)) return "tool: fix-bytes/encoding (prefilter, decode)";
  if (/\/(dist|src)\/(engine|write)\.js/.test(url)) return "tool: engine/write";
  if (/\/(dist|src)\//.test(url)) return "tool: other";
  if (url === "node:path") return "node: path (join, relative, resolve)";
  if (url === "node:internal/buffer") return "node: buffer allocation";
  if (url.startsWith("node:internal/fs") || url.startsWith("node:fs") || (!url && FS_NATIVES.has(fn))) return "node: fs (calls and promise plumbing)";
  if (url.startsWith("node:internal/modules") || url.startsWith("node:internal/bootstrap") || (!url && fn === "compileFunction")) return "node: module loading";
  if (url.startsWith("node:")) return "node: other internals";
  if (!url && fn.startsWith("RegExp:")) return "regular expressions (native)";
  if (!url && fn === "indexOfBuffer") return "Buffer.indexOf (the byte prefilter)";
  if (!url && /Node$/.test(fn)) return "tree-sitter binding (parse, nodes, queries)";
  if (!url) return "native/builtin: other";
  return "other";
}

export function summarizeProfile(file, { top = 12 } = {}) {
  const prof = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + dt);
  }
  const fns = new Map();
  const areas = new Map();
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    const short = frame.url.replace(/^.*\/(node_modules|dist|src)\//, "$1/").replace(/^file:\/\//, "");
    const key = `${frame.functionName || "(anonymous)"} ${short ? `${short}:${frame.lineNumber + 1}` : ""}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = area(frame);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  // The native tree-sitter entry points, by the tool function that called them.
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callers = new Map();
  for (const [id, us] of self) {
    const fn = byId.get(id).callFrame.functionName;
    if (!["Parser.parse", "Query.matches", "Query.captures"].includes(fn)) continue;
    let p = parent.get(id);
    const path = [];
    while (p && path.length < 2) {
      const f = byId.get(p).callFrame;
      if (/\/(dist|src)\//.test(f.url)) path.push(f.functionName || "(anonymous)");
      p = parent.get(p);
    }
    const key = `${fn} ← ${path.join(" ← ")}`;
    callers.set(key, (callers.get(key) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1)}%`;
  const ms = (us) => `${(us / 1000).toFixed(0)}`;
  const lines = [`Sampled ${ms(total)} ms.`, "", "| area | self ms | share |", "| --- | ---: | ---: |"];
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1])) lines.push(`| ${a} | ${ms(us)} | ${pct(us)} |`);
  lines.push("", "| function (self time) | self ms | share |", "| --- | ---: | ---: |");
  for (const [k, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`| \`${k.replace(/\|/g, "\\|")}\` | ${ms(us)} | ${pct(us)} |`);
  if (callers.size) {
    lines.push("", "| tree-sitter call ← tool callers | self ms | share |", "| --- | ---: | ---: |");
    for (const [k, us] of [...callers].sort((x, y) => y[1] - x[1]).slice(0, 8)) lines.push(`| \`${k}\` | ${ms(us)} | ${pct(us)} |`);
  }
  return { totalMs: total / 1000, markdown: lines.join("\n") };
}

// CLI: node bench/lib/cpuprofile.mjs FILE.cpuprofile [top]
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(summarizeProfile(process.argv[2], { top: Number(process.argv[3] ?? 15) }).markdown);
}
