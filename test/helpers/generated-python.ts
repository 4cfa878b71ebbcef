// Batch syntax check with the real Python: one python3 process for a whole
// batch of sources (never one per case).
import { spawnSync } from "node:child_process";

const SCRIPT = [
  "import ast, json, sys",
  "out = []",
  "for src in json.load(sys.stdin):",
  "    try:",
  "        ast.parse(src)",
  "        out.append(None)",
  "    except SyntaxError as e:",
  "        out.append('%s at %s:%s' % (e.msg, e.lineno, e.offset))",
  "json.dump(out, sys.stdout)",
].join("\n");

/** For each source: null when Python parses it, else the SyntaxError. */
export function pythonSyntaxErrors(sources: string[]): (string | null)[] {
  const r = spawnSync("python3", ["-I", "-c", SCRIPT], { input: JSON.stringify(sources), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.error?.message ?? r.stderr}`);
  return JSON.parse(r.stdout);
}
