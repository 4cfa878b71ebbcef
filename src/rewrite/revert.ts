// Undoing this tool's own edits: source text in, removals out. No I/O.
//
// It removes exactly what fixSource inserted, recognised by form, with the
// removal that sits beside each insertion:
//   - the guard block, from its begin marker line to its end marker line,
//     with the blank lines put around it (guard.ts);
//   - each `**_paddle_full_graph_kwargs()` in the form the fix writes
//     (call-site.ts), or, moved by hand, with one adjacent comma.
// `full_graph=True` written by hand, by upstream or by --style plain is not
// this tool's mark and stays.
//
// A call re-wrapped for the project's formatter gets its old layout back
// from the note the fix left in the guard block (wrap.ts), unless it was
// edited since: then it keeps the wrapping, and the counts say so. One thing
// the fix does not record cannot come back exactly: `@d()` and `@d` both
// become `@d(KW)` (revert gives `@d`).
import type { Edit, FileCode } from "../model.js";
import { loadPatch, type Patch } from "../patches.js";
import { firstSyntaxError, parsePython, type Tree } from "../python/parser.js";
import { bareKeywordRestore, keywordRemoval, type KeywordRemoval } from "./call-site.js";
import { applyEdits, overlapProblem, sortedEdits } from "./edits.js";
import { guardBlockRemovals, isMarkerComment, markerLines } from "./guard.js";
import { occurrences } from "./lines.js";
import { type LayoutNote, layoutNotes, layoutRestore } from "./wrap.js";

export interface RevertSourceResult {
  status: "changed" | "unchanged" | "skipped" | "error";
  /** With reason: why the file was skipped or not reverted. */
  code?: FileCode;
  reason?: string;
  text: string;
  /** The removals, as edits with an empty text. */
  edits: Edit[];
  /** Guard blocks and keywords removed (or that would be). */
  guardBlocks: number;
  keywords: number;
  /** Keywords not in a form this tool writes: removed with a comma, spacing may differ. */
  irregular: number;
  /** Calls re-wrapped by the fix given their old layout back. */
  rewrapped: number;
  /** Calls re-wrapped by the fix and edited since: their layout notes fit no call, so they keep the wrapping. */
  stillWrapped: number;
}

const NOT_REVERTED: FileCode = "file/revert-not-applied";

export interface RevertSourceOptions {
  patch?: Patch;
}

export function revertSource(text: string, options: RevertSourceOptions = {}): RevertSourceResult {
  const patch = options.patch ?? loadPatch();
  const { function: fn, beginMarker } = patch.guard;
  const result = (extra: Partial<RevertSourceResult> = {}): RevertSourceResult => ({
    status: "unchanged",
    text,
    edits: [],
    guardBlocks: 0,
    keywords: 0,
    irregular: 0,
    rewrapped: 0,
    stillWrapped: 0,
    ...extra,
  });
  if (!text.includes(fn) && !text.includes(beginMarker)) return result();

  const tree = parsePython(text);
  const syntaxError = firstSyntaxError(tree);
  if (syntaxError) return result({ status: "skipped", code: "file/syntax-error", reason: `syntax error at ${syntaxError.line}:${syntaxError.column}` });

  const blocks = guardBlockRemovals(text, tree, patch.guard);
  if (typeof blocks === "string") return result({ status: "error", code: NOT_REVERTED, reason: blocks });
  const notes = blocks.flatMap((b) => layoutNotes(text.slice(b.start, b.end)));
  const noted = notes.length;
  const keywords = keywordRemovals(text, tree, fn, `${patch.keyword}=${patch.value}`, notes);
  const removals = sortedEdits([...blocks, ...keywords.map((k) => k.removal)]);
  if (!removals.length) return result();
  const overlap = overlapProblem(removals);
  if (overlap) return result({ status: "error", code: NOT_REVERTED, reason: overlap });
  const counts = {
    guardBlocks: blocks.length,
    keywords: keywords.length,
    irregular: keywords.filter((k) => k.irregular).length,
    rewrapped: noted - notes.length,
    stillWrapped: notes.length,
  };
  const left = remainingUse(text, tree, fn, removals);
  if (left) return result({ status: "error", code: NOT_REVERTED, reason: `revert not applied: ${fn} is also used at ${left}, which revert cannot undo`, ...counts });
  const newText = applyEdits(text, removals);
  const problem = verify(newText, patch);
  if (problem) return result({ status: "error", code: NOT_REVERTED, reason: `revert not applied: ${problem}`, ...counts });
  return { status: "changed", text: newText, edits: removals, ...counts };
}

/** A use of the guard function outside every removal, as `line:column`, or null. */
function remainingUse(text: string, tree: Tree, fn: string, removals: Edit[]): string | null {
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

// ------------------------------------------------------------------- keywords

/**
 * Each call of the guard function passed as `**fn()`, with its removal, and
 * each `**(fn())` with the bare keyword it replaced.
 */
function keywordRemovals(text: string, tree: Tree, fn: string, bare: string, notes: LayoutNote[]): KeywordRemoval[] {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const out: KeywordRemoval[] = [];
  for (const at of occurrences(text, fn)) {
    const ident = tree.rootNode.descendantForIndex(at, at + fn.length);
    if (ident.type !== "identifier" || ident.startIndex !== at || ident.text !== fn) continue;
    const call = ident.parent;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== ident.id) continue;
    const callArgs = call.childForFieldName("arguments");
    if (!callArgs || callArgs.namedChildCount !== 0) continue;
    const guarded = call.parent?.type === "parenthesized_expression" && call.parent.namedChildCount === 1 ? call.parent : null;
    const splat = (guarded ?? call).parent;
    const args = splat?.parent;
    if (splat?.type !== "dictionary_splat" || args?.type !== "argument_list") continue;
    if (guarded) {
      out.push({ removal: bareKeywordRestore(splat, bare), irregular: false });
      continue;
    }
    const restored = notes.length ? layoutRestore(text, args, splat, notes, eol) : null;
    out.push(restored ? { removal: restored, irregular: false } : keywordRemoval(text, args, splat));
  }
  return out;
}
