// Input/expected pairs under fixtures/cases/<case>/: input.py, expected.py,
// sites.json (what the report says of each site) and optional options.json.
// UPDATE_GOLDEN=1 rewrites expected.py and sites.json from the tool's output
// (review the diff before committing it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixBytes } from "../../src/rewrite/fix-bytes.js";
import { applyEdits } from "../../src/rewrite/edits.js";
import { fixSource } from "../../src/rewrite/fix-source.js";

const CASES = path.resolve(__dirname, "../../fixtures/cases");
const update = process.env.UPDATE_GOLDEN === "1";

describe.each(readdirSync(CASES).sort())("fixtures/cases/%s", (name) => {
  const dir = path.join(CASES, name);
  const input = readFileSync(path.join(dir, "input.py"));
  const optionsFile = path.join(dir, "options.json");
  const raw = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
  // A formatter's layout is given as the style itself (files/line-style.ts reads it from a config).
  const options = raw.lineStyle ? { ...raw, lineStyle: () => raw.lineStyle } : raw;
  const result = fixBytes(input, { path: options.path ?? `${name}.py`, ...options });
  const sites = result.sites.map((s) => ({ ...s }));
  const report = { status: result.status, ...(result.reason ? { reason: result.reason } : {}), sites };

  if (update) {
    writeFileSync(path.join(dir, "expected.py"), result.bytes);
    writeFileSync(path.join(dir, "sites.json"), `${JSON.stringify(report, null, 2)}\n`);
  }

  it("produces expected.py byte for byte", () => {
    expect(result.bytes.equals(readFileSync(path.join(dir, "expected.py")))).toBe(true);
  });

  it("reports each site as sites.json says", () => {
    expect(report).toEqual(JSON.parse(readFileSync(path.join(dir, "sites.json"), "utf8")));
  });

  it("only inserts (or guards a bare keyword): every input byte survives in order", () => {
    if (result.status !== "changed") {
      expect(result.bytes.equals(input)).toBe(true);
      return;
    }
    const text = result.before!;
    const fixed = fixSource(text, { path: options.path ?? `${name}.py`, ...options });
    expect(applyEdits(text, fixed.edits)).toBe(result.after);
    // Every edit is an insertion, upstream's bare keyword guarded in place, or
    // (for a formatter) the arguments re-wrapped: the same code with the
    // keyword added, only the white space between them differs.
    // Undoing each in the output gives the input back.
    const code = (s: string) => s.replace(/\s+/g, "");
    for (const e of fixed.edits.filter((e) => e.start !== e.end)) {
      const before = text.slice(e.start, e.end);
      if (before === "full_graph=True") expect(e.text).toBe("**(_paddle_full_graph_kwargs())");
      else expect(code(e.text).replace(/,\*\*_paddle_full_graph_kwargs\(\),?$/, "")).toBe(code(before).replace(/,$/, ""));
    }
    let stripped = "";
    let from = 0;
    let shift = 0;
    for (const edit of [...fixed.edits].sort((a, b) => a.start - b.start)) {
      const at = edit.start + shift;
      expect(result.after!.slice(at, at + edit.text.length)).toBe(edit.text);
      stripped += result.after!.slice(from, at) + text.slice(edit.start, edit.end);
      from = at + edit.text.length;
      shift += edit.text.length - (edit.end - edit.start);
    }
    stripped += result.after!.slice(from);
    expect(stripped).toBe(text);
  });

  it("is idempotent: a second run changes nothing", () => {
    const again = fixBytes(result.bytes, { path: options.path ?? `${name}.py`, ...options });
    expect(again.bytes.equals(result.bytes)).toBe(true);
    expect(again.sites.filter((s) => s.action === "fixed")).toEqual([]);
    // the same calls, and none from the guard block (its keyword trial is the tool's own)
    expect(again.sites.map((s) => s.callee)).toEqual(result.sites.map((s) => s.callee));
  });
});
