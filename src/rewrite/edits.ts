// The one applier: a text and its edits in, the new text out. Fixing only
// inserts and reverting only removes, but both go through here, so one byte
// proof (fix-bytes.ts) covers them alike.
import type { Edit } from "../model.js";

/** Edits in text order (a stable sort: insertions at one offset keep their order). */
export function sortedEdits(edits: readonly Edit[]): Edit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Where two edits would touch the same characters, as a message, or null. */
export function overlapProblem(edits: readonly Edit[]): string | null {
  const sorted = sortedEdits(edits);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) return "overlapping edits found; left alone";
  }
  return null;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = "";
  let last = 0;
  for (const edit of sortedEdits(edits)) {
    out += text.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + text.slice(last);
}

/** Where each edit's new text sits in the edited text. */
export function editedSpans(edits: readonly Edit[]): { start: number; end: number }[] {
  let shift = 0;
  return sortedEdits(edits).map((edit) => {
    const start = edit.start + shift;
    shift += edit.text.length - (edit.end - edit.start);
    return { start, end: start + edit.text.length };
  });
}

/** An insertion of `text` at `offset`. */
export function insertion(offset: number, text: string): Edit {
  return { start: offset, end: offset, text };
}

/** The removal of [start, end). */
export function removal(start: number, end: number): Edit {
  return { start, end, text: "" };
}

/** A place in a text: 1-based line and column, the column in UTF-16 code units (the report's sites). */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where a place in `before` is in `after` = applyEdits(before, edits): moved
 * by every edit that starts at or before it (an insertion at the place goes
 * before it, as the guard block goes before a call at the top of a module).
 */
export function positionAfterEdits(before: string, edits: readonly Edit[], after: string, at: TextPosition): TextPosition {
  const offset = offsetOf(before, at);
  let shift = 0;
  for (const edit of sortedEdits(edits)) {
    if (edit.start > offset) break;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return positionOf(after, offset + shift);
}

function offsetOf(text: string, { line, column }: TextPosition): number {
  let start = 0;
  for (let l = 1; l < line; l++) start = text.indexOf("\n", start) + 1;
  return start + column - 1;
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0 && nl < offset; nl = text.indexOf("\n", nl + 1)) {
    line++;
    start = nl + 1;
  }
  return { line, column: offset - start + 1 };
}
