// The cheap test before any decoding or parsing: does the source name the
// callee's last word as a whole name that code could call or import? Not
// inside a longer identifier (`apply_to_static`, `not_to_static`), a flag
// (`--to_static`) or right after a quote (`cfg.get('to_static')`).
import { loadPatch, type Patch } from "../patches.js";

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
    if (isWholeName(at > 0 ? bytes[at - 1] : SPACE, at + name.length < bytes.length ? bytes[at + name.length] : SPACE)) return true;
  }
  return false;
}

/** The same test on decoded text (for callers that start from a string): same rule, on char codes. */
export function mayContainSite(text: string, patch: Patch = loadPatch()): boolean {
  return nextWholeName(text, lastName(patch.callee), 0) >= 0;
}

/** Index of the first occurrence of `name` at or after `from` that passes the prefilter's rule, or -1. */
export function nextWholeName(text: string, name: string, from: number): number {
  for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (isWholeName(at > 0 ? text.charCodeAt(at - 1) : SPACE, end < text.length ? text.charCodeAt(end) : SPACE)) return at;
  }
  return -1;
}

const SPACE = 0x20;

/** The neighbours of an occurrence allow a call or an import (no quote or dash before it). */
function isWholeName(before: number, after: number): boolean {
  return !isNameCode(before) && before !== 0x27 && before !== 0x22 && before !== 0x2d && !isNameCode(after);
}

/** Letters, digits, `_`, and anything non-ASCII (a UTF-8 byte or a non-ASCII char). */
export function isNameCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;
}
