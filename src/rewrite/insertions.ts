// Edits are insertions only: every byte of the original survives, in order.
export interface Insertion {
  /** Offset in the original text (UTF-16 code units, as JS strings index). */
  offset: number;
  text: string;
}

export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const sorted = [...insertions].sort((a, b) => a.offset - b.offset);
  let out = "";
  let last = 0;
  for (const ins of sorted) {
    out += text.slice(last, ins.offset) + ins.text;
    last = ins.offset;
  }
  return out + text.slice(last);
}
