// The cheap test before any decoding or parsing: does the source name the
// callee's last word as a whole name that code could call or import? Not
// inside a longer identifier (`apply_to_static`, `not_to_static`), a flag
// (`--to_static`) or right after a quote (`cfg.get('to_static')`).
import { loadPatch, type Patch } from "./patches.js";

export function lastName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(".") + 1);
}

const needles = new Map<string, Buffer>();

/** The callee's last word, as bytes (cached per patch). */
export function calleeNeedle(patch: Patch = loadPatch()): Buffer {
  let needle = needles.get(patch.id);
  if (!needle) needles.set(patch.id, (needle = Buffer.from(lastName(patch.callee))));
  return needle;
}

export function mentionsName(bytes: Buffer, name: Buffer): boolean {
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    const before = at > 0 ? bytes[at - 1] : 0x20;
    const after = at + name.length < bytes.length ? bytes[at + name.length] : 0x20;
    if (!isNameByte(before) && before !== 0x27 && before !== 0x22 && before !== 0x2d && !isNameByte(after)) return true;
  }
  return false;
}

/** The same test on decoded text (for callers that start from a string). */
export function mayContainSite(text: string, patch: Patch = loadPatch()): boolean {
  const name = lastName(patch.callee);
  // Only texts that contain the word at all pay for the conversion to bytes.
  return text.includes(name) && mentionsName(Buffer.from(text, "utf8"), calleeNeedle(patch));
}

function isNameByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b >= 0x80;
}
