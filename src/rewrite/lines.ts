// Line arithmetic on source text, shared by the edits and the removals that
// undo them. Offsets are UTF-16 code units; a line ends after its "\n".

/** Offset of the start of the line holding `index`. */
export function lineStart(text: string, index: number): number {
  return text.lastIndexOf("\n", index - 1) + 1;
}

/** Offset just after the end-of-line that closes the line holding `index` (the text's end on the last line). */
export function lineEnd(text: string, index: number): number {
  const nl = text.indexOf("\n", index);
  return nl < 0 ? text.length : nl + 1;
}

/** Every offset where `needle` starts, left to right, not overlapping. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/**
 * Where each line of a text starts, found once: line/column <-> offset in
 * constant or logarithmic time, so mapping every site of a file costs one
 * pass over it, not one per site. Lines end after "\n" (a "\r" before it
 * belongs to the line), as everywhere in this folder.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) this.starts.push(nl + 1);
  }

  /** Offset of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    return this.starts[line - 1] + column - 1;
  }

  /** 1-based line and column of an offset (a line starts just after its "\n"). */
  positionOf(offset: number): { line: number; column: number } {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] + 1 };
  }
}
