// fixSource and revertSource for raw file contents: byte prefilter, decoding
// that keeps the file's encoding (and BOM) exactly, re-encoding of the
// result, and a last check on the bytes themselves, independent of how the
// new text was built: the new bytes must be the old bytes with exactly the
// planned pieces inserted (or, for a revert, removed) at the planned places,
// and must decode again in the same encoding to the same text.
import { decodeSource, type Decoded } from "./encoding.js";
import { loadPatch } from "./patches.js";
import { calleeNeedle, mentionsName } from "./prefilter.js";
import { fixSource, type FixSourceOptions, type FixSourceResult } from "./rewrite/fix-source.js";
import { revertSource, type RevertSourceResult } from "./rewrite/revert.js";

export interface FixBytesResult {
  status: FixSourceResult["status"];
  reason?: string;
  sites: FixSourceResult["sites"];
  /** The new contents (the input itself when nothing changed). */
  bytes: Buffer;
  /** Decoded text before and after, when the file was decoded. */
  before?: string;
  after?: string;
}

export interface RevertBytesResult {
  status: RevertSourceResult["status"];
  reason?: string;
  bytes: Buffer;
  before?: string;
  after?: string;
  guardBlocks: number;
  keywords: number;
  irregular: number;
}

export function fixBytes(bytes: Buffer, options: FixSourceOptions = {}): FixBytesResult {
  const patch = options.patch ?? loadPatch();
  // Most files never mention the callee as a name: no decoding, no parser.
  if (!mentionsName(bytes, calleeNeedle(patch))) return { status: "unchanged", sites: [], bytes };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { status: "skipped", reason: decoded.reason, sites: [], bytes };
  const result = fixSource(decoded.text, { ...options, patch });
  const base = { sites: result.sites, before: decoded.text, after: result.text };
  if (result.status !== "changed") return { ...base, status: result.status, reason: result.reason, bytes };
  const newBytes = decoded.encode(result.text);
  const pieces = result.insertions.map((ins) => ({ offset: ins.offset, text: ins.text }));
  const problem = checkBytes(decoded, bytes, decoded.text, newBytes, pieces, newBytes, result.text);
  if (problem) return { ...base, after: decoded.text, status: "error", reason: `edit not applied: ${problem}`, bytes };
  return { ...base, status: "changed", bytes: newBytes };
}

export function revertBytes(bytes: Buffer, options: { patch?: FixSourceOptions["patch"] } = {}): RevertBytesResult {
  const patch = options.patch ?? loadPatch();
  const none = { guardBlocks: 0, keywords: 0, irregular: 0 };
  if (bytes.indexOf(patch.guard.function) < 0 && bytes.indexOf(patch.guard.beginMarker) < 0) {
    return { status: "unchanged", bytes, ...none };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { status: "skipped", reason: decoded.reason, bytes, ...none };
  const result = revertSource(decoded.text, { patch });
  const counts = { guardBlocks: result.guardBlocks, keywords: result.keywords, irregular: result.irregular };
  const base = { before: decoded.text, after: result.text, ...counts };
  if (result.status !== "changed") return { ...base, status: result.status, reason: result.reason, bytes };
  const newBytes = decoded.encode(result.text);
  // A revert is the fix read backwards: the old bytes are the new ones plus the removed pieces.
  let shift = 0;
  const pieces = result.removals.map((r) => {
    const piece = { offset: r.start - shift, text: decoded.text.slice(r.start, r.end) };
    shift += r.end - r.start;
    return piece;
  });
  const problem = checkBytes(decoded, newBytes, result.text, bytes, pieces, newBytes, result.text);
  if (problem) return { ...base, after: decoded.text, status: "error", reason: `revert not applied: ${problem}`, bytes };
  return { ...base, status: "changed", bytes: newBytes };
}

type Ok = Extract<Decoded, { ok: true }>;
interface Piece {
  /** UTF-16 offset into the shorter text. */
  offset: number;
  text: string;
}

/** Returns what is wrong with the new bytes, or null. */
function checkBytes(decoded: Ok, shorter: Buffer, shorterText: string, longer: Buffer, pieces: Piece[], newBytes: Buffer, newText: string): string | null {
  const again = decodeSource(newBytes);
  if (!again.ok || again.encoding !== decoded.encoding || again.text !== newText) {
    return `the new contents would not read back as the same ${decoded.encoding} text`;
  }
  return onlyInserted(decoded, shorter, shorterText, longer, pieces);
}

/** `longer` must be exactly `shorter` with each piece, encoded, inserted at its offset. */
function onlyInserted(decoded: Ok, shorter: Buffer, shorterText: string, longer: Buffer, pieces: Piece[]): string | null {
  const prefix = decoded.encoding === "utf-8-sig" ? 3 : 0;
  const byteLength = (s: string) => (decoded.encoding === "latin-1" ? s.length : Buffer.byteLength(s, "utf8"));
  if (!longer.subarray(0, prefix).equals(shorter.subarray(0, prefix))) return "the byte-order mark would change";
  let text = 0; // position in shorterText
  let from = prefix; // position in shorter
  let at = prefix; // position in longer
  for (const piece of [...pieces].sort((a, b) => a.offset - b.offset)) {
    const keep = byteLength(shorterText.slice(text, piece.offset));
    if (!longer.subarray(at, at + keep).equals(shorter.subarray(from, from + keep))) return "bytes other than the planned edits would change";
    at += keep;
    from += keep;
    text = piece.offset;
    const encoded = decoded.encode(piece.text).subarray(prefix);
    if (!longer.subarray(at, at + encoded.length).equals(encoded)) return "an edit would not land where it was planned";
    at += encoded.length;
  }
  if (at + (shorter.length - from) !== longer.length || !longer.subarray(at).equals(shorter.subarray(from))) {
    return "bytes other than the planned edits would change";
  }
  return null;
}
