// Undoing this tool's own edits: source text in, removals out. No I/O.
//
// It removes exactly what fixSource inserted, recognised by form:
//   - the guard block, from its begin marker line to its end marker line,
//     with the blank lines guard.ts put around it;
//   - each `**_paddle_full_graph_kwargs()` in the form call-site.ts writes:
//       f(a, b, KW)          -> f(a, b)        (`, KW` appended after the last argument)
//       f(a, b, KW,)         -> f(a, b,)       (` KW,` after a trailing comma, `)` on that line)
//       f(\n  a,\n  KW,\n)    -> f(\n  a,\n)     (a line of its own after the trailing comma's line)
//       f(KW)                -> f()
//       @d(KW)               -> @d             (a bare decorator; `@d()` was fixed to the same text)
// A keyword found in any other shape (moved by hand) is removed with one
// adjacent comma and reported as irregular. `full_graph=True` written by
// hand, by upstream or by --style plain is not this tool's mark and stays.
//
// Two things the fix does not record cannot come back exactly:
//   - `@d()` and `@d` both become `@d(KW)`; revert gives `@d`.
//   - After an import block the guard is followed by two blank lines,
//     counting the ones already there, so 0, 1 or 2 blank lines all look
//     alike afterwards. Revert then restores PEP 8's count: 2 before a
//     def/class/decorator, 1 before anything else. (3 or more are exact.)
import type { Removal } from "../model.js";
import { loadPatch, type Patch } from "../patches.js";
import { firstSyntaxError, parsePython, type SyntaxNode, type Tree } from "../python/parser.js";
import { lineEnd, lineStart } from "./lines.js";


export interface RevertSourceResult {
  status: "changed" | "unchanged" | "skipped" | "error";
  reason?: string;
  text: string;
  removals: Removal[];
  /** Guard blocks and keywords removed (or that would be). */
  guardBlocks: number;
  keywords: number;
  /** Keywords not in a form this tool writes: removed with a comma, spacing may differ. */
  irregular: number;
}

export interface RevertSourceOptions {
  patch?: Patch;
}

export function revertSource(text: string, options: RevertSourceOptions = {}): RevertSourceResult {
  const patch = options.patch ?? loadPatch();
  const { function: fn, beginMarker } = patch.guard;
  const result = (extra: Partial<RevertSourceResult> = {}): RevertSourceResult => ({
    status: "unchanged",
    text,
    removals: [],
    guardBlocks: 0,
    keywords: 0,
    irregular: 0,
    ...extra,
  });
  if (!text.includes(fn) && !text.includes(beginMarker)) return result();

  const tree = parsePython(text);
  const syntaxError = firstSyntaxError(tree);
  if (syntaxError) return result({ status: "skipped", reason: `syntax error at ${syntaxError.line}:${syntaxError.column}` });

  const blocks = guardBlocks(text, tree, patch);
  if (typeof blocks === "string") return result({ status: "error", reason: blocks });
  const keywords = keywordRemovals(text, tree, fn);
  const removals = [...blocks, ...keywords.map((k) => k.removal)].sort((a, b) => a.start - b.start);
  if (!removals.length) return result();
  for (let i = 1; i < removals.length; i++) {
    if (removals[i].start < removals[i - 1].end) return result({ status: "error", reason: "overlapping edits found; left alone" });
  }
  const counts = { guardBlocks: blocks.length, keywords: keywords.length, irregular: keywords.filter((k) => k.irregular).length };
  const left = remainingUse(text, tree, fn, removals);
  if (left) return result({ status: "error", reason: `revert not applied: ${fn} is also used at ${left}, which revert cannot undo`, ...counts });
  const newText = applyRemovals(text, removals);
  const problem = verify(newText, patch);
  if (problem) return result({ status: "error", reason: `revert not applied: ${problem}`, ...counts });
  return { status: "changed", text: newText, removals, ...counts };
}

export function applyRemovals(text: string, removals: readonly Removal[]): string {
  let out = "";
  let last = 0;
  for (const r of [...removals].sort((a, b) => a.start - b.start)) {
    out += text.slice(last, r.start);
    last = r.end;
  }
  return out + text.slice(last);
}

/** A use of the guard function outside every removal, as `line:column`, or null. */
function remainingUse(text: string, tree: Tree, fn: string, removals: Removal[]): string | null {
  for (const at of occurrences(text, fn)) {
    if (removals.some((r) => r.start <= at && at < r.end)) continue;
    const node = tree.rootNode.descendantForIndex(at, at + fn.length);
    if (node.type === "identifier" && node.startIndex === at && node.text === fn) {
      return `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
    }
  }
  return null;
}

/** The reverted text must parse, hold no marker line and no longer name the guard function. */
function verify(newText: string, patch: Patch): string | null {
  const fn = patch.guard.function;
  const tree = parsePython(newText);
  const error = firstSyntaxError(tree);
  if (error) return `the result would have a syntax error at ${error.line}:${error.column}`;
  for (const marker of [patch.guard.beginMarker, patch.guard.endMarker]) {
    if (markerLines(newText, marker).some((at) => isMarkerComment(tree, at))) return "a guard marker line would remain";
  }
  for (const at of occurrences(newText, fn)) {
    const node = tree.rootNode.descendantForIndex(at, at + fn.length);
    if (node.type === "identifier" && node.text === fn) {
      const { row, column } = node.startPosition;
      return `${fn} would still be used at ${row + 1}:${column + 1}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------- guard block

function guardBlocks(text: string, tree: Tree, patch: Patch): Removal[] | string {
  const { beginMarker, endMarker } = patch.guard;
  const begins = markerLines(text, beginMarker).filter((at) => isMarkerComment(tree, at));
  const ends = markerLines(text, endMarker).filter((at) => isMarkerComment(tree, at));
  const removals: Removal[] = [];
  let e = 0;
  for (const begin of begins) {
    while (e < ends.length && ends[e] < begin) e++;
    if (e >= ends.length) return "a guard block begins but never ends (its end marker line is missing); left alone";
    removals.push(blockRemoval(text, tree, begin, lineEnd(text, ends[e])));
    e++;
  }
  return removals;
}

/** Offsets of lines that consist of exactly `marker`. */
function markerLines(text: string, marker: string): number[] {
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
function isMarkerComment(tree: Tree, at: number): boolean {
  const node = tree.rootNode.descendantForIndex(at, at + 1);
  return node.type === "comment" && node.startIndex === at && node.startPosition.column === 0;
}

/**
 * The block [start, end) plus the blank lines guard.ts added:
 *   - first in the module (no statement before it): two blank lines after;
 *   - after a statement: two blank lines before, and after it enough to make
 *     two, counting the ones already there (see the header about that).
 */
function blockRemoval(text: string, tree: Tree, start: number, end: number): Removal {
  if (!statementBefore(tree, start)) return { start, end: skipEmptyLines(text, end, 2) };
  let from = start;
  for (let i = 0; i < 2; i++) {
    const prev = emptyLineBefore(text, from);
    if (prev < 0) break;
    from = prev;
  }
  if (end >= text.length) return { start: from, end };
  const blank = blankLinesAfter(text, end);
  let inserted = 0;
  if (blank.count === 2) inserted = 2 - conventionalGap(text, blank.next);
  return { start: from, end: skipEmptyLines(text, end, Math.min(inserted, blank.leadingEmpty)) };
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
function blankLinesAfter(text: string, offset: number): { count: number; leadingEmpty: number; next: number } {
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

// ------------------------------------------------------------------- keywords

interface KeywordRemoval {
  removal: Removal;
  irregular: boolean;
}

function keywordRemovals(text: string, tree: Tree, fn: string): KeywordRemoval[] {
  const out: KeywordRemoval[] = [];
  for (const at of occurrences(text, fn)) {
    const ident = tree.rootNode.descendantForIndex(at, at + fn.length);
    if (ident.type !== "identifier" || ident.startIndex !== at || ident.text !== fn) continue;
    const call = ident.parent;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== ident.id) continue;
    const callArgs = call.childForFieldName("arguments");
    const splat = call.parent;
    const args = splat?.parent;
    if (!callArgs || callArgs.namedChildCount !== 0 || splat?.type !== "dictionary_splat" || args?.type !== "argument_list") continue;
    out.push(keywordRemoval(text, args, splat));
  }
  return out;
}

function keywordRemoval(text: string, args: SyntaxNode, splat: SyntaxNode): KeywordRemoval {
  const children = args.children;
  const open = children[0];
  const close = children[children.length - 1];
  const items = args.namedChildren.filter((c) => c.type !== "comment");
  const index = items.findIndex((c) => c.id === splat.id);
  const position = children.findIndex((c) => c.id === splat.id);
  const after = children[position + 1];
  const commaAfter = after?.type === "," && after.startIndex === splat.endIndex ? after : null;
  const exact = (start: number, end: number): KeywordRemoval => ({ removal: { start, end }, irregular: false });
  const isLast = index === items.length - 1;

  if (items.length === 1 && !commaAfter && splat.startIndex === open.endIndex) {
    const decorator = args.parent?.parent?.type === "decorator";
    // `@d(KW)` came from a bare `@d`; `f(KW)` from `f()`.
    if (decorator && splat.endIndex === close.startIndex) return exact(args.startIndex, args.endIndex);
    return exact(splat.startIndex, splat.endIndex);
  }
  if (isLast && index > 0) {
    const prev = items[index - 1];
    if (!commaAfter && text.slice(prev.endIndex, splat.startIndex) === ", ") return exact(prev.endIndex, splat.endIndex);
    const commaBefore = children.slice(0, position).reverse().find((c) => c.type === ",");
    if (commaAfter && commaBefore && commaBefore.startIndex >= prev.endIndex) {
      // ` KW,` right after the trailing comma, with `)` on that line.
      if (commaBefore.endIndex === splat.startIndex - 1 && text[splat.startIndex - 1] === " " && close.startPosition.row === commaBefore.startPosition.row) {
        return exact(splat.startIndex - 1, commaAfter.endIndex);
      }
      // A line of its own: EOL + indent + `KW,`, before the comma line's own EOL.
      const keywordLine = lineStart(text, splat.startIndex);
      const eol = text.startsWith("\r\n", commaAfter.endIndex) ? "\r\n" : text[commaAfter.endIndex] === "\n" ? "\n" : null;
      const ownLine = /^[ \t]*$/.test(text.slice(keywordLine, splat.startIndex)) && commaBefore.endIndex < keywordLine;
      if (eol && ownLine && text.slice(keywordLine - eol.length, keywordLine) === eol && keywordLine - eol.length >= commaBefore.endIndex) {
        return exact(keywordLine - eol.length, commaAfter.endIndex);
      }
    }
  }
  return { removal: looseRemoval(text, children, position, splat), irregular: true };
}

/** Any other shape: the keyword and one comma next to it (its whole line when it stood alone). */
function looseRemoval(text: string, children: SyntaxNode[], position: number, splat: SyntaxNode): Removal {
  const after = children[position + 1];
  if (after?.type === ",") {
    const keywordLine = lineStart(text, splat.startIndex);
    const rest = /^[ \t]*(\r?\n)/.exec(text.slice(after.endIndex, after.endIndex + 256));
    if (rest && /^[ \t]*$/.test(text.slice(keywordLine, splat.startIndex))) {
      return { start: keywordLine, end: after.endIndex + rest[0].length };
    }
    const spaces = /^[ \t]*/.exec(text.slice(after.endIndex, after.endIndex + 256))![0];
    return { start: splat.startIndex, end: after.endIndex + spaces.length };
  }
  const before = children.slice(0, position).reverse().find((c) => c.type === "," || c.type === "(");
  if (before?.type === ",") return { start: before.startIndex, end: splat.endIndex };
  return { start: splat.startIndex, end: splat.endIndex };
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}
