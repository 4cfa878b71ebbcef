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
