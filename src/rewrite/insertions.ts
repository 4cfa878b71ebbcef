// Edits are insertions only: every byte of the original survives, in order.
import type { Insertion } from "../model.js";

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
