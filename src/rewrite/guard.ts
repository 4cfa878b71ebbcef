// The guard block: rendered in a file's own conventions and put at the
// module-level spot it goes (after the docstring, `from __future__` imports
// and the top import block, before the first statement that needs it), and,
// beside that, how --revert takes it out again with the blank lines put
// around it.
//
// The insertion adds blank lines on one side only, a fixed number, so revert
// removes exactly them: after a statement, two blank lines before the begin
// marker (the block then keeps the blank lines the file had after that
// statement, after its end marker); first in the module, none. What follows
// the end marker is thus what followed the import block, which yapf, black
// and ruff accept after the end marker wherever they accepted it after the
// imports (test/real/formatters.test.ts proves it on real module layouts).
import type { GuardSpec } from "../patches.js";
import type { Conventions } from "../python/conventions.js";
import type { SyntaxNode, Tree } from "../python/parser.js";
import type { Edit } from "../model.js";
import { insertion, removal } from "./edits.js";
import { lineEnd, lineStart, occurrences } from "./lines.js";

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
  notes: readonly string[] = [],
): Edit {
  const lines = renderGuard(guard, conv);
  // Notes of re-wrapped calls' layouts (wrap.ts) go just before the end marker.
  const block = [...lines.slice(0, -1), ...notes, lines[lines.length - 1]].join(conv.eol);
  const { eol } = conv;
  const anchor = topBlockEnd(module, firstUse);
  const after = anchor === null ? null : lineEnd(text, anchor);
  if (after === null || after > firstUse) {
    // Nothing to follow, or the import shares its line with a use
    // (`import paddle; m = paddle.jit.to_static(net)`): go before that line,
    // or before the first statement (after any header comments).
    const first = firstStatement(module);
    const offset = anchor !== null ? lineStart(text, anchor) : first ? lineStart(text, first.startIndex) : text.length;
    // Blank lines before the block only where a statement precedes it, as revert expects.
    const gap = first && first.startIndex < offset ? eol + eol : "";
    const prefix = offset > 0 && !endsWithEol(text, offset) ? eol : "";
    return insertion(offset, prefix + gap + block + eol);
  }
  // At the end of a file without a final newline the block ends without one too.
  if (after >= text.length && !endsWithEol(text, after)) return insertion(after, eol + eol + eol + block);
  return insertion(after, eol + eol + block + eol);
}

const IMPORTS = new Set(["import_statement", "import_from_statement", "future_import_statement"]);
const STOPS = new Set(["function_definition", "class_definition", "decorated_definition"]);

/** Notes added to the guard block already in `text`, before its first end marker line; null when it has none. */
export function guardNoteInsertion(text: string, guard: GuardSpec, notes: readonly string[], eol: string): Edit | null {
  const begin = text.indexOf(guard.beginMarker);
  const end = markerLines(text, guard.endMarker).find((at) => at > begin);
  return end === undefined ? null : insertion(end, notes.map((note) => note + eol).join(""));
}

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

// ------------------------------------------------------------------ revert

/** Removals of every guard block in the text, or why they cannot be made. */
export function guardBlockRemovals(text: string, tree: Tree, guard: GuardSpec): Edit[] | string {
  const { beginMarker, endMarker } = guard;
  const begins = markerLines(text, beginMarker).filter((at) => isMarkerComment(tree, at));
  const ends = markerLines(text, endMarker).filter((at) => isMarkerComment(tree, at));
  const removals: Edit[] = [];
  let e = 0;
  for (const begin of begins) {
    while (e < ends.length && ends[e] < begin) e++;
    if (e >= ends.length) return "a guard block begins but never ends (its end marker line is missing); left alone";
    const end = lineEnd(text, ends[e]);
    removals.push(blockRemoval(text, tree, begin, end, isLegacyBlock(text.slice(begin, end))));
    e++;
  }
  return removals;
}

/** 0.1.0's guard read the signature (`inspect.signature`); today's does not. */
function isLegacyBlock(block: string): boolean {
  return block.includes("inspect");
}

/** Offsets of lines that consist of exactly `marker`. */
export function markerLines(text: string, marker: string): number[] {
  const out: number[] = [];
  for (const at of occurrences(text, marker)) {
    const startsLine = at === 0 || text[at - 1] === "\n";
    const end = at + marker.length;
    const endsLine = end === text.length || text[end] === "\n" || text.startsWith("\r\n", end);
    if (startsLine && endsLine) out.push(at);
  }
  return out;
}

/** A comment (not text in a string) starting at column 0, where the guard goes. */
export function isMarkerComment(tree: Tree, at: number): boolean {
  const node = tree.rootNode.descendantForIndex(at, at + 1);
  return node.type === "comment" && node.startIndex === at && node.startPosition.column === 0;
}

/**
 * The block [start, end) plus the blank lines guardInsertion added: after a
 * statement, the two empty lines before it (and, at the end of a file that
 * had no final newline, that line's end); first in the module, none. Files
 * fixed by 0.1.0, whose longer guard topped the blank lines after the block
 * up to two, get the old removal (see legacyRemoval).
 */
function blockRemoval(text: string, tree: Tree, start: number, end: number, legacy: boolean): Edit {
  if (!statementBefore(tree, start)) return legacy ? removal(start, skipEmptyLines(text, end, 2)) : removal(start, end);
  let from = start;
  for (let i = 0; i < 2; i++) {
    const prev = emptyLineBefore(text, from);
    if (prev < 0) break;
    from = prev;
  }
  if (end >= text.length) {
    const unterminated = !endsWithEol(text, end) && endsWithEol(text, from);
    return removal(unterminated ? from - (text.startsWith("\r\n", from - 2) ? 2 : 1) : from, end);
  }
  if (!legacy) return removal(from, end);
  return legacyRemoval(text, from, end);
}

/**
 * 0.1.0 followed its block by two blank lines, counting the ones already
 * there, so 0, 1 or 2 looked alike: PEP 8's count comes back (2 before a
 * def/class/decorator, 1 before anything else; 3 or more are exact).
 */
function legacyRemoval(text: string, from: number, end: number): Edit {
  const blank = blankRun(text, end);
  let inserted = 0;
  if (blank.count === 2) inserted = 2 - conventionalGap(text, blank.next);
  return removal(from, skipEmptyLines(text, end, Math.min(inserted, blank.leadingEmpty)));
}

function statementBefore(tree: Tree, offset: number): boolean {
  const cursor = tree.rootNode.walk();
  if (!cursor.gotoFirstChild()) return false;
  do {
    if (cursor.nodeIsNamed && cursor.nodeType !== "comment") return cursor.startIndex < offset;
  } while (cursor.gotoNextSibling());
  return false;
}

/** PEP 8: two blank lines before a top-level def or class, one before other code. */
function conventionalGap(text: string, next: number): number {
  return /^(?:@|def\s|class\s|async\s+def\s)/.test(text.slice(next, next + 16)) ? 2 : 1;
}

/** Blank (whitespace-only) lines from `offset`; how many of the first are truly empty; where the next line starts. */
function blankRun(text: string, offset: number): { count: number; leadingEmpty: number; next: number } {
  let count = 0;
  let leadingEmpty = 0;
  let i = offset;
  for (;;) {
    const m = /^[ \t\f]*\r?\n/.exec(text.slice(i, i + 256));
    if (!m) break;
    if (leadingEmpty === count && (m[0] === "\n" || m[0] === "\r\n")) leadingEmpty++;
    count++;
    i += m[0].length;
  }
  return { count, leadingEmpty, next: i };
}

/** Offset after up to `n` empty lines (`\n` or `\r\n` alone) starting at `offset`. */
function skipEmptyLines(text: string, offset: number, n: number): number {
  let i = offset;
  for (let k = 0; k < n; k++) {
    if (text[i] === "\n") i += 1;
    else if (text.startsWith("\r\n", i)) i += 2;
    else break;
  }
  return i;
}

/** Start of the empty line that ends just before `offset` (a line start), or -1. */
function emptyLineBefore(text: string, offset: number): number {
  if (offset >= 2 && text[offset - 1] === "\n" && text[offset - 2] === "\n") return offset - 1;
  if (offset >= 3 && text.startsWith("\r\n", offset - 2) && text[offset - 3] === "\n") return offset - 2;
  return -1;
}
