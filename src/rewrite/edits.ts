// The one applier: a text and its edits in, the new text out. Fixing only
// inserts and reverting only removes, but both go through here, so one byte
// proof (fix-bytes.ts) covers them alike.
//
// Every step here is one pass over a file's edits: a file may hold tens of
// thousands of sites, so the edits are sorted once (fixSource hands them on
// in order, and inTextOrder then only checks) and positions go through one
// line index per text.
import type { Edit } from "../model.js";
import { LineIndex } from "./lines.js";

const inOrder = (a: Edit, b: Edit) => a.start - b.start || a.end - b.end;

/**
 * Edits in text order (a stable sort: insertions at one offset keep their
 * order), as a new array. Edits already in order are only looked at once
 * and copied, not sorted again.
 */
export function sortedEdits(edits: readonly Edit[]): Edit[] {
  const sorted = inTextOrder(edits);
  return sorted === edits ? [...edits] : (sorted as Edit[]);
}

/** The edits themselves when already in text order, else a sorted copy: for the one-pass readers below. */
export function inTextOrder(edits: readonly Edit[]): readonly Edit[] {
  for (let i = 1; i < edits.length; i++) {
    if (inOrder(edits[i - 1], edits[i]) > 0) return [...edits].sort(inOrder);
  }
  return edits;
}

/** Where two edits would touch the same characters, as a message, or null. */
export function overlapProblem(edits: readonly Edit[]): string | null {
  const sorted = inTextOrder(edits);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) return "overlapping edits found; left alone";
  }
  return null;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const edit of inTextOrder(edits)) {
    parts.push(text.slice(last, edit.start), edit.text);
    last = edit.end;
  }
  parts.push(text.slice(last));
  return parts.join("");
}

/** Where each edit's new text sits in the edited text. */
export function editedSpans(edits: readonly Edit[]): { start: number; end: number }[] {
  let shift = 0;
  return inTextOrder(edits).map((edit) => {
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
  return positionsAfterEdits(before, edits, after, [at])[0];
}

/**
 * positionAfterEdits for many places of one text at once (a file's sites):
 * one line index per text, the edits' shifts summed once, then a binary
 * search per place.
 */
export function positionsAfterEdits(before: string, edits: readonly Edit[], after: string, places: readonly TextPosition[]): TextPosition[] {
  const sorted = inTextOrder(edits);
  // shiftAfter[k]: how far the first k edits move what follows them.
  const shiftAfter = new Array<number>(sorted.length + 1);
  shiftAfter[0] = 0;
  sorted.forEach((edit, k) => (shiftAfter[k + 1] = shiftAfter[k] + edit.text.length - (edit.end - edit.start)));
  const from = new LineIndex(before);
  const to = new LineIndex(after);
  return places.map(({ line, column }) => {
    const offset = from.offsetOf(line, column);
    return to.positionOf(offset + shiftAfter[editsStartingAtOrBefore(sorted, offset)]);
  });
}

/** How many of the sorted edits start at or before `offset`. */
function editsStartingAtOrBefore(sorted: readonly Edit[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
