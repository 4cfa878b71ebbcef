// --revert's pure core: each insertion form comes back out exactly, the
// guard block goes with the blank lines the fix added, upstream's own
// full_graph=True stays, and what cannot be recovered is pinned down.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixBytes, revertBytes } from "../../src/rewrite/fix-bytes.js";
import { loadPatch } from "../../src/patches.js";
import { fixSource } from "../../src/rewrite/fix-source.js";
import { revertSource } from "../../src/rewrite/revert.js";

const CASES = path.resolve(__dirname, "../../fixtures/cases");
const KW = "**_paddle_full_graph_kwargs()";
const patch = loadPatch();

function roundTrip(input: string, options = { all: true }) {
  const fixed = fixSource(input, { path: "export.py", ...options });
  const reverted = revertSource(fixed.text);
  return { fixed, reverted };
}

describe("revertSource: each insertion form", () => {
  // PEP 8's blank lines after the imports (see "what the fix does not record").
  const headerFor = (body: string) => (body.startsWith("@") ? "import paddle\n\n\n" : "import paddle\n\n");
  const forms: [string, string, string][] = [
    ["appended after the last argument", "f = paddle.jit.to_static(model, input_spec=spec)\n", `f = paddle.jit.to_static(model, input_spec=spec, ${KW})\n`],
    ["after a trailing comma, `)` on that line", "f = paddle.jit.to_static(model, input_spec=spec,)\n", `f = paddle.jit.to_static(model, input_spec=spec, ${KW},)\n`],
    ["own line after a multi-line trailing comma", "f = paddle.jit.to_static(\n    model,\n    input_spec=spec,  # why\n)\n", `f = paddle.jit.to_static(\n    model,\n    input_spec=spec,  # why\n    ${KW},\n)\n`],
    ["own line, CRLF", "f = paddle.jit.to_static(\r\n\tmodel,\r\n)\r\n", `f = paddle.jit.to_static(\r\n\tmodel,\r\n\t${KW},\r\n)\r\n`],
    ["empty call", "f = paddle.jit.to_static()\n", `f = paddle.jit.to_static(${KW})\n`],
    ["bare decorator", "@paddle.jit.to_static\ndef forward(x):\n    return x\n", `@paddle.jit.to_static(${KW})\ndef forward(x):\n    return x\n`],
    ["decorator with arguments", "@paddle.jit.to_static(input_spec=[s])\ndef forward(x):\n    return x\n", `@paddle.jit.to_static(input_spec=[s], ${KW})\ndef forward(x):\n    return x\n`],
  ];
  it.each(forms)("%s", (_name, body, fixedBody) => {
    const input = headerFor(body).replace(/\n/g, body.includes("\r\n") ? "\r\n" : "\n") + body;
    const { fixed, reverted } = roundTrip(input);
    expect(fixed.status).toBe("changed");
    expect(fixed.text.endsWith(fixedBody)).toBe(true);
    expect(reverted).toMatchObject({ status: "changed", guardBlocks: 1, keywords: 1, irregular: 0 });
    expect(reverted.text).toBe(input);
  });
});

describe("revertSource: what is left alone", () => {
  it("upstream's own full_graph=True (and --style plain's) is not this tool's mark", () => {
    const input = "import paddle\n\n\ndef export(m):\n    return paddle.jit.to_static(m, full_graph=True)\n";
    expect(revertSource(input)).toMatchObject({ status: "unchanged", text: input });
    const plain = fixSource("import paddle\n\n\ndef export(m):\n    return paddle.jit.to_static(m)\n", { all: true, style: "plain" });
    expect(plain.text).toContain("full_graph=True");
    expect(revertSource(plain.text).status).toBe("unchanged");
  });

  it("a file that never mentions the guard is not even parsed (unchanged, same text)", () => {
    const input = "def f(:\n"; // a syntax error it never gets to see
    expect(revertSource(input)).toMatchObject({ status: "unchanged", text: input });
  });

  it("a syntax error anywhere: skipped with the position", () => {
    const { fixed } = roundTrip("import paddle\n\n\nm = paddle.jit.to_static(net)\n");
    const broken = `${fixed.text}def oops(:\n`;
    expect(revertSource(broken)).toMatchObject({ status: "skipped", reason: expect.stringMatching(/^syntax error at \d+:\d+$/), text: broken });
  });

  it("a begin marker without its end marker: error, nothing removed", () => {
    const { fixed } = roundTrip("import paddle\n\n\nm = paddle.jit.to_static(net)\n");
    const cut = fixed.text.replace(`${patch.guard.endMarker}\n`, "");
    const r = revertSource(cut);
    expect(r).toMatchObject({ status: "error", text: cut });
    expect(r.reason).toMatch(/end marker/);
  });

  it("the guard function used in a way revert cannot undo: error, nothing removed", () => {
    const { fixed } = roundTrip("import paddle\n\n\nm = paddle.jit.to_static(net)\n");
    const used = `${fixed.text}extra = _paddle_full_graph_kwargs()\n`;
    const r = revertSource(used);
    expect(r).toMatchObject({ status: "error", text: used });
    expect(r.reason).toMatch(new RegExp(`_paddle_full_graph_kwargs is also used at ${used.split("\n").length - 1}:9`));
  });

  it("marker text inside a string is not a marker", () => {
    const input = `import paddle\nDOC = """\n${patch.guard.beginMarker}\n"""\n`;
    expect(revertSource(input)).toMatchObject({ status: "unchanged", text: input });
  });
});

describe("revertSource: keywords moved by hand", () => {
  it("are removed with one comma and reported as irregular", () => {
    const { fixed } = roundTrip("import paddle\n\nm = paddle.jit.to_static(net, input_spec=s)\n");
    const moved = fixed.text.replace(`net, input_spec=s, ${KW}`, `${KW}, net, input_spec=s`);
    expect(moved).not.toBe(fixed.text);
    const r = revertSource(moved);
    expect(r).toMatchObject({ status: "changed", keywords: 1, irregular: 1 });
    expect(r.text).toBe("import paddle\n\nm = paddle.jit.to_static(net, input_spec=s)\n");
  });

  it("a keyword left without its guard block is still removed (it would be a NameError)", () => {
    const r = revertSource(`import paddle\nm = paddle.jit.to_static(net, ${KW})\n`);
    expect(r).toMatchObject({ status: "changed", guardBlocks: 0, keywords: 1, text: "import paddle\nm = paddle.jit.to_static(net)\n" });
  });
});

describe("revertSource: what the fix does not record (documented)", () => {
  it("`@d()` and `@d` fix to the same text; revert gives the bare `@d`", () => {
    const withParens = "import paddle\n\n\n@paddle.jit.to_static()\ndef f(x):\n    return x\n";
    const bare = withParens.replace("to_static()", "to_static");
    expect(roundTrip(withParens).fixed.text).toBe(roundTrip(bare).fixed.text);
    expect(roundTrip(withParens).reverted.text).toBe(bare);
  });

});

describe("revertSource: the blank lines around the guard block come back exactly", () => {
  it("0 to 4 blank lines after the import block: each fixes differently and reverts to itself", () => {
    const at = (gap: number, next: string) => `import paddle\n${"\n".repeat(gap)}${next}`;
    const code = "m = paddle.jit.to_static(net)\n";
    const def = "def f(n):\n    return paddle.jit.to_static(n)\n";
    const comments = "# Section comment\n# second line\nclass Exporter(object):\n    def run(self, n):\n        return paddle.jit.to_static(n)\n";
    for (const next of [code, def, comments]) {
      const outputs = new Set([0, 1, 2, 3, 4].map((gap) => roundTrip(at(gap, next)).fixed.text));
      expect(outputs.size).toBe(5);
      for (const gap of [0, 1, 2, 3, 4]) expect(roundTrip(at(gap, next)).reverted.text).toBe(at(gap, next));
    }
  });

  it("first in the module, at the end of a file without a final newline, CRLF: exact", () => {
    const sources = [
      "# License header\n\ndef export(m):\n    import paddle\n    return paddle.jit.to_static(m)\n",
      "import paddle; m = paddle.jit.to_static(net)\n",
      '"""Doc."""\nimport paddle; m = paddle.jit.to_static(net)\n',
      "def export(m):\n    import paddle\n    return paddle.jit.to_static(m)",
      "import paddle\r\n\r\nm = paddle.jit.to_static(net)\r\n",
    ];
    for (const source of sources) {
      const { fixed, reverted } = roundTrip(source);
      expect(fixed.status).toBe("changed");
      expect(reverted.text).toBe(source);
    }
  });

  it("a file fixed by 0.1.0 (blank lines after the block topped up to two) still gets PEP 8's count back", () => {
    const old = readFileSync(path.join(CASES, "previous-guard", "input.py"), "utf8");
    const block = old.slice(old.indexOf(patch.guard.beginMarker), old.indexOf(patch.guard.endMarker) + patch.guard.endMarker.length);
    const fixedBy010 = `import paddle\n\n\n${block}\n\n\nm = 1\n`;
    expect(revertSource(fixedBy010).text).toBe("import paddle\n\nm = 1\n");
  });
});

describe("revertSource: calls re-wrapped for the formatter", () => {
  const yapf80 = { formatter: "yapf", columnLimit: 80, continuationIndent: 4, targetVersions: null, stringQuote: null, source: ".style.yapf" } as const;
  const trainer = [
    "import paddle",
    "",
    "",
    "class Trainer(object):",
    "    def _get_infer_cfg_and_input_spec(self, save_dir, prune_input=True):",
    "        if prune_input:",
    "            static_model = paddle.jit.to_static(",
    "                self.model, input_spec=self._input_spec_for_export)",
    "            pruned = static_model.forward.main_program",
    "            return pruned",
    "",
  ].join("\n");
  const fix = (text: string) => fixSource(text, { path: "ppdet/engine/trainer.py", lineStyle: () => yapf80 });

  it("come back in their old layout, and the fixed file notes it in the guard block", () => {
    const fixed = fix(trainer);
    expect(fixed.text).toMatch(/^# --revert restores call [0-9a-f]{8} to: 0\/16 0 1 0$/m);
    expect(fixed.text).toContain("self.model,\n                input_spec=self._input_spec_for_export,\n                **_paddle_full_graph_kwargs())");
    expect(revertSource(fixed.text)).toMatchObject({ status: "changed", text: trainer, rewrapped: 1, stillWrapped: 0 });
  });

  it("one edited since the fix keeps its wrapping, and the result says so", () => {
    const fixed = fix(trainer);
    const edited = fixed.text.replace("input_spec=self._input_spec_for_export,", "input_spec=self._spec,");
    const r = revertSource(edited);
    expect(r).toMatchObject({ status: "changed", rewrapped: 0, stillWrapped: 1, keywords: 1 });
    expect(r.text).not.toContain("_paddle_full_graph_kwargs");
    expect(r.text).toContain("self.model,\n                input_spec=self._spec)");
  });

  it("a call re-wrapped by a later run, into a block already there, gets its note too", () => {
    const first = fix(trainer);
    const added = "\n\ndef export_student(model):\n    static = paddle.jit.to_static(model, input_spec=[paddle.static.InputSpec([None, 3])])\n    paddle.jit.save(static, 'out')\n";
    const later = first.text + added;
    const again = fix(later);
    expect(again.status).toBe("changed");
    expect(again.text.match(/^# --revert restores call/gm)).toHaveLength(2);
    expect(revertSource(again.text)).toMatchObject({ text: trainer + added, rewrapped: 2, stillWrapped: 0 });
  });
});

describe("fixtures/cases: revert(expected.py) is input.py, byte for byte", () => {
  const names = readdirSync(CASES).sort();
  it.each(names)("%s", (name) => {
    const dir = path.join(CASES, name);
    const input = readFileSync(path.join(dir, "input.py"));
    const optionsFile = path.join(dir, "options.json");
    const raw = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
    const options = raw.lineStyle ? { ...raw, lineStyle: () => raw.lineStyle } : raw;
    const fixed = fixBytes(input, { path: options.path ?? `${name}.py`, ...options });
    const reverted = revertBytes(fixed.bytes);
    if (raw.lineStyle) {
      // Calls re-wrapped for a formatter get their old layout back from the guard block's notes.
      expect([reverted.status, reverted.irregular, reverted.stillWrapped, reverted.rewrapped > 0]).toEqual(["changed", 0, 0, true]);
      expect(reverted.bytes.toString("utf8")).toBe(input.toString("utf8"));
      return;
    }
    if (options.style === "plain" || fixed.status !== "changed") {
      // Nothing of ours in it (the input may carry a guard from an earlier run: then revert removes that).
      if (!input.includes("_paddle_full_graph_kwargs")) expect(reverted.bytes.equals(fixed.bytes)).toBe(true);
      return;
    }
    expect(reverted.status).toBe("changed");
    // Inputs that already carried a guard revert past it; all others give the input back.
    if (!input.includes("_paddle_full_graph_kwargs")) expect(reverted.bytes.equals(input)).toBe(true);
    else expect(reverted.bytes.includes("_paddle_full_graph_kwargs")).toBe(false);
  });
});

describe("a file fixed with the earlier, longer guard text (0.1.0)", () => {
  const fixedBefore = readFileSync(path.join(CASES, "previous-guard", "input.py"), "utf8");

  it("holds a guard block other than today's (so these tests mean something)", () => {
    expect(fixedBefore).toContain(patch.guard.beginMarker);
    expect(fixedBefore).not.toContain(patch.guard.source);
  });

  it("is reverted exactly: the old block and its keyword go, the rest is the original", () => {
    const original = readFileSync(path.join(CASES, "import-paddle", "input.py"), "utf8");
    const r = revertSource(fixedBefore);
    expect(r).toMatchObject({ status: "changed", guardBlocks: 1, keywords: 1, irregular: 0 });
    expect(r.text.startsWith(original)).toBe(true);
    expect(r.text).not.toContain("_paddle_full_graph_kwargs");
    expect(r.text).not.toContain(patch.guard.beginMarker);
  });

  it("fixed again, keeps its block and only adds the keyword to a new call", () => {
    const again = fixSource(fixedBefore, { path: "export.py" });
    expect(again.status).toBe("changed");
    expect(again.edits).toEqual([expect.objectContaining({ text: `, ${KW}` })]);
    expect(revertSource(again.text).text).toBe(revertSource(fixedBefore).text);
  });
});

describe("revertBytes keeps the encoding", () => {
  it("latin-1 with a coding line: byte-exact round trip", () => {
    const input = Buffer.from("# -*- coding: latin-1 -*-\n# café, naïve\nimport paddle\n\nm = paddle.jit.to_static(net)  # é\n", "latin1");
    const fixed = fixBytes(input, { all: true });
    expect(fixed.status).toBe("changed");
    expect(fixed.bytes.includes(Buffer.from("café", "latin1"))).toBe(true);
    expect(revertBytes(fixed.bytes).bytes.equals(input)).toBe(true);
  });

  it("UTF-8 with BOM, CRLF: the BOM and line endings survive", () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("# 中文\r\nimport paddle\r\n\r\nm = paddle.jit.to_static(net)\r\n")]);
    const fixed = fixBytes(input, { all: true });
    expect(fixed.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(revertBytes(fixed.bytes).bytes.equals(input)).toBe(true);
  });

  it("gbk: skipped with the reason, bytes untouched", () => {
    const input = Buffer.concat([Buffer.from("# -*- coding: gbk -*-\n# "), Buffer.from([0xd6, 0xd0]), Buffer.from(`\nx = f(${KW})\n`)]);
    const r = revertBytes(input);
    expect(r.status).toBe("skipped");
    expect(r.reason).toMatch(/gbk/);
    expect(r.bytes.equals(input)).toBe(true);
  });
});
