// Renders the patch's guard block in a file's own conventions, and finds the
// module-level spot it goes: after the docstring, `from __future__` imports
// and the top import block, before the first statement that needs it.
import type { GuardSpec } from "../patches.js";
import type { Conventions } from "../python/conventions.js";
import type { SyntaxNode } from "../python/parser.js";
import type { Insertion } from "../model.js";
import { lineEnd, lineStart } from "./lines.js";

const TEMPLATE_INDENT = "    ";

export function renderGuard(guard: GuardSpec, conv: Conventions): string[] {
  return guard.source.split("\n").map((line) => {
    let depth = 0;
    while (line.startsWith(TEMPLATE_INDENT.repeat(depth + 1))) depth++;
    const body = line.slice(TEMPLATE_INDENT.length * depth);
    const converted = conv.quote === "'" && !body.startsWith("#") ? body.replace(/"([^"'\\]*)"/g, "'$1'") : body;
    return conv.indent.repeat(depth) + converted;
  });
}

export function guardInsertion(
  text: string,
  module: SyntaxNode,
  guard: GuardSpec,
  conv: Conventions,
  firstUse: number,
): Insertion {
  const lines = renderGuard(guard, conv);
  const { eol } = conv;
  const anchor = topBlockEnd(module, firstUse);
  const after = anchor === null ? null : lineEnd(text, anchor);
  if (after === null || after > firstUse) {
    // Nothing to follow, or the import shares its line with a use
    // (`import paddle; m = paddle.jit.to_static(net)`): go before that line,
    // or before the first statement (after any header comments).
    const first = anchor === null ? firstStatement(module) : null;
    const offset = anchor !== null ? lineStart(text, anchor) : first ? lineStart(text, first.startIndex) : text.length;
    const prefix = offset > 0 && !endsWithEol(text, offset) ? eol : "";
    return { offset, text: prefix + lines.join(eol) + eol + blankLinesAfter(text, offset, eol) };
  }
  if (after >= text.length) {
    const prefix = endsWithEol(text, after) ? eol : eol + eol;
    return { offset: after, text: prefix + eol + lines.join(eol) + eol };
  }
  return { offset: after, text: eol + eol + lines.join(eol) + eol + blankLinesAfter(text, after, eol) };
}

/** Two blank lines after the block, counting the ones already there. */
function blankLinesAfter(text: string, offset: number, eol: string): string {
  let blank = 0;
  let i = offset;
  while (blank < 2) {
    const m = /^[ \t]*\r?\n/.exec(text.slice(i, i + 200));
    if (!m) break;
    blank++;
    i += m[0].length;
  }
  return eol.repeat(2 - blank);
}

const IMPORTS = new Set(["import_statement", "import_from_statement", "future_import_statement"]);
const STOPS = new Set(["function_definition", "class_definition", "decorated_definition"]);

/** End offset of the last statement of the top block, or null when there is none. */
function topBlockEnd(module: SyntaxNode, firstUse: number): number | null {
  let end: number | null = null;
  let index = 0;
  // A cursor, not namedChildren: big modules have tens of thousands of statements.
  const cursor = module.walk();
  if (!cursor.gotoFirstChild()) return null;
  do {
    if (!cursor.nodeIsNamed || cursor.nodeType === "comment") continue;
    const stmt = cursor.currentNode;
    if (STOPS.has(stmt.type) || stmt.endIndex > firstUse || isMainGuard(stmt)) break;
    if ((index === 0 && isDocstring(stmt)) || IMPORTS.has(stmt.type) || containsImport(stmt)) end = stmt.endIndex;
    index++;
  } while (cursor.gotoNextSibling());
  return end;
}

function isDocstring(stmt: SyntaxNode): boolean {
  return stmt.type === "expression_statement" && stmt.namedChildCount === 1 && stmt.namedChildren[0].type === "string";
}

/** try/if blocks made of imports (`try: import x / except ImportError: ...`). */
function containsImport(stmt: SyntaxNode): boolean {
  if (stmt.type !== "try_statement" && stmt.type !== "if_statement") return false;
  return stmt.descendantsOfType([...IMPORTS]).length > 0 && stmt.descendantsOfType("call").length === 0;
}

function isMainGuard(stmt: SyntaxNode): boolean {
  return stmt.type === "if_statement" && /__name__/.test(stmt.childForFieldName("condition")?.text ?? "");
}

function endsWithEol(text: string, offset: number): boolean {
  return offset > 0 && text[offset - 1] === "\n";
}

function firstStatement(module: SyntaxNode): SyntaxNode | null {
  const cursor = module.walk();
  if (!cursor.gotoFirstChild()) return null;
  do {
    if (cursor.nodeIsNamed && cursor.nodeType !== "comment") return cursor.currentNode;
  } while (cursor.gotoNextSibling());
  return null;
}
