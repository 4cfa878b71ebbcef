// A file that names to_static only inside comments and strings is not parsed
// (issue 16). The lexical scan that decides it (namedInCode) is proven here
// against the parser on the inputs that proved the partial parse (every
// fixture, the generated modules, the string cases the scan must read as
// tree-sitter does) and on fuzzed token soups built to stress strings,
// comments, f-strings and escapes:
//
// - soundness: where the scan says "not in code", tree-sitter puts every
//   whole-name occurrence inside a comment or a string (never in an
//   f-string's replacement field), and fixSource with the skip returns what
//   it returns without it (a syntax-error report aside: a file that cannot
//   hold a site is no longer parsed to find one, as for a file that does
//   not name the callee at all);
// - precision: on statements that parse cleanly, the scan says "not in
//   code" for most texts the parser finds it only in comments and strings.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { namedInCode } from "../../src/python/chunks.js";
import { parsePython } from "../../src/python/parser.js";
import { nextWholeName } from "../../src/python/prefilter.js";
import { fixSource } from "../../src/rewrite/fix-source.js";
import { modules, negativeModules } from "../helpers/generated-modules.js";

const ROOT = path.resolve(__dirname, "../..");
const NAME = "to_static";

type Where = "code" | "comment" | "string" | "field";

/** Where tree-sitter puts each whole-name occurrence of NAME (the prefilter's rule). */
function parserPlaces(text: string): Where[] {
  const tree = parsePython(text);
  const places: Where[] = [];
  // (The binding takes a JS string; its indices are UTF-16 code units, as here.)
  for (let at = nextWholeName(text, NAME, 0); at >= 0; at = nextWholeName(text, NAME, at + 1)) {
    let node: ReturnType<typeof tree.rootNode.descendantForIndex> | null = tree.rootNode.descendantForIndex(at, at + NAME.length);
    let where: Where = "code";
    for (; node; node = node.parent) {
      if (node.type === "comment") {
        where = "comment";
        break;
      }
      if (node.type === "interpolation") {
        where = "field";
        break;
      }
      if (node.type === "string" || node.type === "string_content" || node.type === "concatenated_string") {
        where = "string";
        break;
      }
    }
    places.push(where);
  }
  return places;
}

/** The claim, on one text: a "not in code" answer is the parser's too, and changes no result. */
function checkSound(text: string, label = text): boolean {
  const inCode = namedInCode(text, NAME);
  if (inCode) return true;
  // Where the parser recovers from a syntax error, its reading of the broken
  // part is no reference (the file is reported as a syntax error, below).
  if (!parsePython(text).rootNode.hasError) expect(parserPlaces(text).filter((p) => p !== "comment" && p !== "string"), label).toEqual([]);
  // Minus the parse size (what the skip saves).
  const strip = ({ parsedChars, ...rest }: ReturnType<typeof fixSource>) => rest;
  const skipped = strip(fixSource(text, { path: "m.py", all: true }));
  const reference = strip(fixSource(text, { path: "m.py", all: true, lexicalSkip: false }));
  if (reference.status === "skipped" && reference.code === "file/syntax-error") {
    expect(skipped, label).toMatchObject({ status: "unchanged", sites: [] });
  } else {
    expect(skipped, label).toEqual(reference);
  }
  return false;
}

function pythonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".py"))
    .map((e) => path.join(e.parentPath, e.name));
}

// ---------------------------------------------------------------- the fuzzer

const PREFIXES = ["", "", "", "r", "b", "u", "f", "F", "rb", "Rb", "br", "fr", "rf", "bf", "ur"];
const QUOTES = ["'", '"', "'''", '"""'];
const STRING_PARTS = [
  "to_static",
  " to_static(x) ",
  "paddle.jit.to_static(m)",
  "text ",
  "\\'",
  '\\"',
  "\\\\",
  "\\\n",
  "\\\r\n",
  "\n",
  "\r\n",
  "#",
  "{",
  "}",
  "{{",
  "}}",
  "{x}",
  "{to_static(m)}",
  "{x!r:>{w}}",
  "{'to_static'}",
  "{ {'a': 1}['a'] }",
  "\\N{BULLET}",
  "\\N{",
  "'",
  '"',
  "`",
];
const CODE_PARTS = [
  "x = ",
  "to_static(m)",
  "paddle.jit.to_static(model)",
  "from paddle.jit import to_static\n",
  "@to_static\ndef f():\n    pass\n",
  "\n",
  "\r\n",
  "(",
  ")",
  "[",
  "]",
  ", ",
  "\\\n",
  "\\",
  "    ",
  "y",
  "not_to_static(x)",
  "-to_static",
  "`",
  "#",
];

const stringToken = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...QUOTES), fc.array(fc.constantFrom(...STRING_PARTS), { maxLength: 6 }))
  .map(([prefix, quote, parts]) => `${prefix}${quote}${parts.join("")}${quote}`);
const commentToken = fc.array(fc.constantFrom("to_static", " ", "'", '"""', "x", "{", "\\"), { maxLength: 5 }).map((parts) => `# ${parts.join("")}\n`);
const token = fc.oneof({ arbitrary: fc.constantFrom(...CODE_PARTS), weight: 3 }, { arbitrary: stringToken, weight: 3 }, { arbitrary: commentToken, weight: 2 });
/** Token soups: mostly not Python, all of them read by both. */
const soups = fc.array(token, { minLength: 1, maxLength: 14 }).map((tokens) => tokens.join(""));
/** Statements only (each a line): mostly Python that parses. */
const statement = fc.oneof(
  stringToken.map((s) => `x = ${s}\n`),
  commentToken,
  fc.constantFrom("y = 1\n", "paddle.jit.to_static(model)\n", "def f(a):\n    return a\n", "call(\n    1,  # to_static\n)\n"),
  fc.tuple(stringToken, commentToken).map(([s, c]) => `print(${s})  ${c}`),
);
const statements = fc.array(statement, { minLength: 1, maxLength: 8 }).map((lines) => lines.join(""));

describe("namedInCode: the lexical scan that spares a parse", () => {
  it("answers plain cases as a reader would", () => {
    expect(namedInCode("paddle.jit.to_static(m)\n", NAME)).toBe(true);
    expect(namedInCode("# paddle.jit.to_static(m)\nx = 1\n", NAME)).toBe(false);
    expect(namedInCode('MESSAGE = "converted with to_static(model)"\n', NAME)).toBe(false);
    expect(namedInCode('def f():\n    """Wraps to_static."""\n    return to_static(x)\n', NAME)).toBe(true);
    // An f-string's fields are code: parsed.
    expect(namedInCode('x = f"{to_static(m)}"\n', NAME)).toBe(true);
    // Unsure where a string ends: parsed.
    expect(namedInCode("x = 'abc\n# to_static\n", NAME)).toBe(true);
    expect(namedInCode("x = `to_static`\n", NAME)).toBe(true);
    // After a string, code again.
    expect(namedInCode("x = '#'; to_static(m)\n", NAME)).toBe(true);
    expect(namedInCode("x = '''\nto_static\n''' # to_static\n", NAME)).toBe(false);
  });

  it("agrees with the parser on every fixture file", () => {
    const files = pythonFiles(path.join(ROOT, "fixtures"));
    expect(files.length).toBeGreaterThan(100);
    let spared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "latin1");
      if (nextWholeName(text, NAME, 0) < 0) continue;
      if (!checkSound(text, path.relative(ROOT, file))) spared++;
    }
    // Some fixtures name it only in prose: the path is taken.
    expect(spared).toBeGreaterThan(0);
  });

  it("agrees with the parser on the generated modules", () => {
    let spared = 0;
    fc.assert(
      fc.property(fc.oneof(modules, negativeModules), (m) => {
        if (!checkSound(m.text)) spared++;
      }),
      { seed: 20_261_202, numRuns: 400 },
    );
    expect(spared).toBeGreaterThan(0);
  });

  it("agrees with the parser where strings must be read as tree-sitter reads them", () => {
    const site = ["def export(net):", "    s = 1", ""];
    const cases = [
      ["x = 'abc\\", "# to_static\\", "'", "paddle = None #'", ...site].join("\r\n"),
      ["def g():", '    return f"""{\'"""\'}', "to_static", '"""', 'x = 1 # """', ...site].join("\n"),
      ["x = '\\N{a'", "def fake(): '}'", "to_static = None #}'", ...site].join("\n"),
      ["x = r'\\'' # to_static", ...site].join("\n"),
      ["x = b'to_static' rb'\\\\' # to_static", ...site].join("\n"),
      ['x = "a" "to_static" \'b\'', ...site].join("\n"),
    ];
    for (const text of cases) checkSound(text);
  });

  it("is sound on fuzzed token soups", () => {
    fc.assert(
      fc.property(soups, (text) => void checkSound(text)),
      { seed: 20_261_203, numRuns: 3000 },
    );
  });

  it("is sound on fuzzed statements, and spares most parses the parser finds needless", () => {
    let needless = 0;
    let spared = 0;
    fc.assert(
      fc.property(statements, (text) => {
        const inCode = checkSound(text);
        const places = parserPlaces(text);
        const clean = !parsePython(text).rootNode.hasError;
        if (clean && places.length && places.every((p) => p === "comment" || p === "string")) {
          needless++;
          if (!inCode) spared++;
        }
      }),
      { seed: 20_261_204, numRuns: 3000 },
    );
    expect(needless).toBeGreaterThan(100);
    // The rest: an f-string holding the name (its fields are code: parsed),
    // or a string the scan is unsure of (an \\N{ escape, a backtick).
    expect(spared / needless).toBeGreaterThan(0.6);
  });
});
