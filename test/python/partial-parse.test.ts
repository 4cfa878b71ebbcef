// Big files are parsed in part (src/python/partial-parse.ts): the top-level
// statements that can matter are cut out by a lexical scan (chunks.ts) and
// parsed as one shorter text. These tests pin the scan on the constructs
// that could fool it, and hold the partial path to the full one: same new
// text, same report, on every fixture and on generated modules.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topLevelChunks } from "../../src/python/chunks.js";
import { excerptAround, PartialPlan } from "../../src/python/partial-parse.js";
import { firstSyntaxError, parsePython } from "../../src/python/parser.js";
import { fixSource, type FixSourceOptions } from "../../src/rewrite/fix-source.js";
import { modules } from "../helpers/generated-modules.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The first line of each chunk. */
function heads(text: string): string[] {
  return topLevelChunks(text).map((c) => text.slice(c.start, c.end).split("\n")[0]);
}

describe("topLevelChunks", () => {
  it("splits at top-level statements and tiles the text", () => {
    const text = "import paddle\n\ndef a():\n    return 1\n\nx = 2\nclass B:\n    pass\n";
    const chunks = topLevelChunks(text);
    expect(heads(text)).toEqual(["import paddle", "def a():", "x = 2", "class B:"]);
    expect(chunks.map((c) => c.definition)).toEqual([false, true, false, true]);
    expect(chunks.map((c) => [c.startRow, c.endRow])).toEqual([[0, 2], [2, 5], [5, 6], [6, 8]]);
    expect(chunks.map((c) => text.slice(c.start, c.end)).join("")).toBe(text);
  });

  it("never splits inside strings, brackets or continued lines", () => {
    const text = [
      'DOC = """',
      "def not_a_function():",
      '"""',
      "t = r'''\\'''",
      "class NotAClass: pass",
      "'''",
      "call(",
      "def_arg,",
      ")",
      "s = 'one \\",
      "def still_string()'",
      "total = 1 + \\",
      "2",
      "x = {'#': '(', \"[\": ']'}  # (unclosed in a comment",
      "def real():",
      "    pass",
      "",
    ].join("\n");
    expect(heads(text)).toEqual(['DOC = """', "t = r'''\\'''", "call(", "s = 'one \\", "total = 1 + \\", "x = {'#': '(', \"[\": ']'}  # (unclosed in a comment", "def real():"]);
  });

  it("keeps decorators, else/elif/except/finally and comments with their statement", () => {
    const text = [
      "# header",
      "@decorator",
      "@other(1)",
      "def f():",
      "    pass",
      "# about g",
      "async def g():",
      "    pass",
      "try:",
      "    import x",
      "except ImportError:",
      "    x = None",
      "finally:",
      "    pass",
      "if a:",
      "    pass",
      "elif b:",
      "    pass",
      "else:",
      "    pass",
    ].join("\r\n");
    expect(heads(text).map((h) => h.replace("\r", ""))).toEqual(["# header", "@decorator", "async def g():", "try:", "if a:"]);
    expect(topLevelChunks(text).map((c) => c.definition)).toEqual([false, true, true, false, false]);
  });

  it("starts chunks only where tree-sitter starts a top-level statement: CRLF escapes, PEP 701 f-strings, continued lines", () => {
    // Each text is valid to tree-sitter; a chunk start inside a statement (a
    // string's line taken for one) would let an excerpt parse with another meaning.
    const wrap = (piece: string[], eol: string) => ["import os", "def first():", "    pass", ...piece, "x = 1", "def last():", "    pass", ""].join(eol);
    const pieces = [
      ["s = 'abc\\", "def g(): pass\\", "'"],
      ['s = f"""{\'"""\'}', "def fake(): pass", '"""'],
      ["s = f'{a", "@ b}'"],
      ["s = f'{1", "+ 2}'"],
      ["s = f'{", "# comment '", "x}'"],
      ['s = f"{d["("]}"', "def still_code(): pass"],
      ["s = f'{x!r:>{w}}' + f\"{'\\n'.join(y)}\" + rf'\\{x}' + f'\\N{DASH}{{}}'"],
      ["s = `'`", "def f(): pass"],
      ["@d", "\\", "# c", "def a():", "    pass"],
    ];
    // (tree-sitter takes a line end right after the opening quote into the string; not a CRLF.)
    const texts = [...pieces.flatMap((p) => [wrap(p, "\n"), wrap(p, "\r\n")]), wrap(['s = "', 'def g(): pass"'], "\n")];
    const DEFINITIONS = new Set(["function_definition", "class_definition", "decorated_definition"]);
    for (const text of texts) {
      const tree = parsePython(text);
      expect(tree.rootNode.hasError, text).toBe(false);
      const starts = new Map(tree.rootNode.namedChildren.filter((c) => c.type !== "comment").map((c) => [c.startIndex, DEFINITIONS.has(c.type)]));
      for (const chunk of topLevelChunks(text)) {
        expect(starts.get(chunk.start), `${JSON.stringify(text)} at ${chunk.start}`).toBe(chunk.definition);
      }
    }
  });

  it("makes the whole text one chunk where it cannot be sure of a string's end", () => {
    for (const text of ["x = 'no end\ndef f(): pass\n", "x = f'{a\n+ b}'\ndef f(): pass\n", "x = f'{a # }'\n}'\ndef f(): pass\n", "x = `a`\ndef f(): pass\n"]) {
      const rows = text.split("\n").length - 1;
      expect(topLevelChunks(text), text).toEqual([{ start: 0, end: text.length, startRow: 0, endRow: rows, definition: false }]);
    }
  });

  it("gives up on deeply nested f-string fields instead of overflowing the stack", () => {
    const text = "x = f'" + "{a:".repeat(5000) + "}".repeat(5000) + "'\ndef f(): pass\n";
    expect(topLevelChunks(text)).toHaveLength(1);
  });

  it("handles a text without a final newline, and an empty one", () => {
    const text = "import a\ndef f(): pass";
    const chunks = topLevelChunks(text);
    expect(chunks.at(-1)).toMatchObject({ start: 9, end: text.length, startRow: 1, endRow: 1, definition: true });
    expect(topLevelChunks("")).toEqual([{ start: 0, end: 0, startRow: 0, endRow: 0, definition: false }]);
  });
});

describe("excerpts", () => {
  const text = ["import paddle", "", "def a():", "    return 1", "", "def c():", "    pass", "", "def b():", "    m = paddle.jit.to_static(net)", "    return m", ""].join("\n");

  it("keep the prefix, the non-definitions and the definitions that name a word, and map positions back", () => {
    const plan = PartialPlan.create(text, ["to_static"])!;
    expect(plan).not.toBeNull();
    const excerpt = plan.excerpt();
    expect(excerpt.text).toBe(["import paddle", "", "def a():", "    return 1", "", "def b():", "    m = paddle.jit.to_static(net)", "    return m", ""].join("\n"));
    const call = excerpt.text.indexOf("paddle.jit.to_static");
    expect(excerpt.originalOffset(call)).toBe(text.indexOf("paddle.jit.to_static"));
    // Where two runs meet, an offset belongs to the end of the earlier one.
    expect(excerpt.originalOffset(excerpt.text.indexOf("def b"))).toBe(text.indexOf("def c"));
    expect(excerpt.originalRow(6)).toBe(9);
    expect(excerpt.originalRow(2)).toBe(2);
    expect(plan.share).toBeLessThan(1);
  });

  it("around edits hold the statements the edits touch, and find an error there", () => {
    const broken = text.replace("to_static(net)", "to_static(net, **(");
    const spans = [{ start: broken.indexOf("**("), end: broken.indexOf("**(") + 3 }];
    const excerpt = excerptAround(broken, spans);
    expect(excerpt.text.startsWith("def b():")).toBe(true);
    const error = firstSyntaxError(parsePython(excerpt.text));
    expect(error).not.toBeNull();
    expect(excerpt.originalRow(error!.line - 1)).toBeGreaterThanOrEqual(8);
  });

  it("is no plan when every definition matters", () => {
    expect(PartialPlan.create("import paddle\ndef f():\n    paddle.jit.to_static(n)\n", ["to_static"])).toBeNull();
    expect(PartialPlan.create("x = 1\n", ["to_static"])).toBeNull();
  });
});

/** fixSource's result, parsed whole and parsed in part, minus the parse size. */
function bothWays(text: string, options: FixSourceOptions = {}) {
  const strip = ({ parsedChars, ...rest }: ReturnType<typeof fixSource>) => rest;
  const whole = fixSource(text, { ...options, partialParseMinChars: Infinity });
  const part = fixSource(text, { ...options, partialParseMinChars: 0 });
  return { whole: strip(whole), part: strip(part), parsedChars: part.parsedChars };
}

function pythonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".py"))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("a partial parse gives what a full one gives", () => {
  it("on every fixture file", () => {
    const files = pythonFiles(path.join(ROOT, "fixtures"));
    expect(files.length).toBeGreaterThan(100);
    let partial = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "latin1");
      const rel = path.relative(ROOT, file);
      const { whole, part, parsedChars } = bothWays(text, { path: rel });
      expect(part, rel).toEqual(whole);
      if (parsedChars !== undefined && parsedChars < text.length) partial++;
    }
    // Some fixtures have definitions that can be left out: the path is taken.
    expect(partial).toBeGreaterThan(5);
  });

  it("on generated modules", () => {
    fc.assert(
      fc.property(modules, (m) => {
        const { whole, part } = bothWays(m.text, { path: "export.py", all: true });
        expect(part).toEqual(whole);
      }),
      { seed: 20_261_129, numRuns: 300 },
    );
  });

  it("on a big module, reading a fraction of it", () => {
    // A few layers quote a call at column 0 in their docstring: parsed (the
    // word is there), and no site. The others are left out of the parse.
    const filler = (i: number) =>
      [
        `class Layer${i}(nn.Layer):`,
        `    """Docstring with a column-0 line:`,
        i % 100 === 3 ? `def fake_${i}(): paddle.jit.to_static(x)` : `def fake_${i}(): pass`,
        `"""`,
        `    def forward(self, x):`,
        `        return paddle.nn.functional.relu(x)  # (`,
        "",
      ].join("\n");
    const exporter = (i: number) =>
      [
        `def export_${i}(model, spec, out):`,
        `    static = paddle.jit.to_static(model, input_spec=spec)`,
        `    static.forward.main_program`,
        `    paddle.jit.save(static, out)`,
        "",
      ].join("\n");
    const aliased = ["def convert(model):", "    return ts(model)", ""].join("\n");
    const shadow = ["def helper(paddle):", "    return paddle", ""].join("\n");
    const parts = ["import paddle", "import paddle.nn as nn", "from paddle.jit import to_static as ts", ""];
    for (let i = 0; i < 400; i++) parts.push(filler(i), ...(i % 50 === 7 ? [exporter(i)] : []), ...(i === 100 ? [aliased, shadow] : []));
    const text = parts.join("\n");
    const { whole, part, parsedChars } = bothWays(text, { path: "big.py", all: true });
    expect(part).toEqual(whole);
    expect(whole.status).toBe("changed");
    expect(whole.sites.filter((s) => s.action === "fixed")).toHaveLength(9);
    // The fakes in docstrings stay out, and most of the file is never parsed.
    expect(whole.sites.every((s) => !text.split("\n")[s.line - 1].startsWith("def fake_"))).toBe(true);
    expect(parsedChars).toBeLessThan(text.length / 4);
  });

  it("puts the guard where a full parse puts it: the definitions before the first one are all read", () => {
    const defs = Array.from({ length: 20 }, (_, i) => `def f${i}():\n    return ${i}\n`).join("\n");
    const text = `import paddle\n\n\ndef helper():\n    return 0\n\n\nimport os\n\n${defs}\ndef export(net):\n    s = paddle.jit.to_static(net)\n    paddle.jit.save(s, "m")\n`;
    const { whole, part, parsedChars } = bothWays(text, { path: "tools/export_model.py" });
    expect(part).toEqual(whole);
    expect(whole.text.indexOf("_paddle_full_graph_kwargs")).toBeLessThan(whole.text.indexOf("def helper"));
    expect(parsedChars).toBeLessThan(text.length);
  });

  it("where the lexical scan must read strings as tree-sitter does", () => {
    const site = ["def export(net):", "    s = paddle.jit.to_static(net)", "    paddle.jit.save(s, 'm')", ""];
    const cases = [
      // A backslash before CRLF continues a single-quoted string: `paddle = None` is code.
      ["import paddle", "", "def first():", "    pass", "", "x = 'abc\\", "def g(): pass\\", "'", "paddle = None #'", ...site].join("\r\n"),
      // PEP 701: the inner '"""' does not end the f-string: `paddle = None` is text.
      ["import paddle", "", "def first():", "    pass", "", "def g():", '    return f"""{\'"""\'}', "paddle = None", '"""', 'x = 1 # """', ...site].join("\n"),
      // A line of an f-string's field is no decorator, and no first definition: the guard follows `import sys`.
      ["import paddle", "x = f'{a", "@ b}'", "y = 1", "import sys", "def real_first():", "    pass", "import os", ...site].join("\n"),
      // To tree-sitter, \N{ is an escape up to the first `}`, across quotes and lines: `paddle = None` is code.
      ["import paddle", "", "def first():", "    pass", "", "x = '\\N{a'", "def fake(): '}'", "paddle = None #}'", ...site].join("\n"),
    ];
    for (const text of cases) {
      const { whole, part } = bothWays(text, { path: "export.py" });
      expect(part, text).toEqual(whole);
    }
  });

  it("falls back to a full parse where module-wide facts decide (decorators, module-level calls)", () => {
    const defs = Array.from({ length: 20 }, (_, i) => `def f${i}():\n    return ${i}\n`).join("\n");
    for (const site of ["@paddle.jit.to_static\ndef forward(x):\n    return x\n", "static = paddle.jit.to_static(net)\n"]) {
      const text = `import paddle\n\n${defs}\n${site}\nprint(forward.main_program if 0 else 1)\n${defs}`;
      const { whole, part, parsedChars } = bothWays(text, { path: "export.py" });
      expect(part).toEqual(whole);
      expect(parsedChars).toBe(text.length);
    }
  });
});
