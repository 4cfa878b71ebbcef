// fixSource and revertSource for raw file contents: byte prefilter, decoding
// that keeps the file's encoding (and BOM) exactly, re-encoding of the
// result, and one last check on the bytes themselves, for fix and revert
// alike, independent of how the new text was built: the new bytes must be
// the old bytes with exactly the planned edits made at the planned places,
// and must decode again in the same encoding to the same text.
import { decodeSource, type Decoded } from "../files/encoding.js";
import type { Edit, FileCode } from "../model.js";
import { loadPatch } from "../patches.js";
import { calleeNeedle, mentionsName } from "../python/prefilter.js";
import { inTextOrder } from "./edits.js";
import { fixSource, type FixSourceOptions, type FixSourceResult } from "./fix-source.js";
import { revertSource, type RevertSourceResult } from "./revert.js";

export interface FixBytesResult {
  status: FixSourceResult["status"];
  code?: FileCode;
  reason?: string;
  sites: FixSourceResult["sites"];
  /** The new contents (the input itself when nothing changed). */
  bytes: Buffer;
  /** Decoded text before and after, when the file was decoded. */
  before?: string;
  after?: string;
  returnedHelpers?: FixSourceResult["returnedHelpers"];
  /** When changed: the edits that made `after` from `before`. */
  edits?: Edit[];
  helperUses?: FixSourceResult["helperUses"];
}

export interface RevertBytesResult {
  status: RevertSourceResult["status"];
  code?: FileCode;
  reason?: string;
  bytes: Buffer;
  before?: string;
  after?: string;
  guardBlocks: number;
  keywords: number;
  irregular: number;
  rewrapped: number;
  stillWrapped: number;
}

export function fixBytes(bytes: Buffer, options: FixSourceOptions = {}): FixBytesResult {
  const patch = options.patch ?? loadPatch();
  // Most files never mention the callee as a name: no decoding, no parser.
  if (!mentionsName(bytes, calleeNeedle(patch))) return { status: "unchanged", sites: [], bytes };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { status: "skipped", code: decoded.code, reason: decoded.reason, sites: [], bytes };
  const result = fixSource(decoded.text, { ...options, patch });
  const base = { sites: result.sites, before: decoded.text, after: result.text, ...(result.returnedHelpers ? { returnedHelpers: result.returnedHelpers } : {}), ...(result.helperUses ? { helperUses: result.helperUses } : {}) };
  if (result.status !== "changed") return { ...base, status: result.status, code: result.code, reason: result.reason, bytes };
  const newBytes = decoded.encode(result.text);
  const problem = bytesProblem(decoded, bytes, newBytes, result.edits, result.text);
  if (problem) return { ...base, after: decoded.text, status: "error", code: "file/edit-not-applied", reason: `edit not applied: ${problem}`, bytes };
  return { ...base, status: "changed", bytes: newBytes, edits: result.edits };
}

export function revertBytes(bytes: Buffer, options: { patch?: FixSourceOptions["patch"] } = {}): RevertBytesResult {
  const patch = options.patch ?? loadPatch();
  const none = { guardBlocks: 0, keywords: 0, irregular: 0, rewrapped: 0, stillWrapped: 0 };
  if (bytes.indexOf(patch.guard.function) < 0 && bytes.indexOf(patch.guard.beginMarker) < 0) {
    return { status: "unchanged", bytes, ...none };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { status: "skipped", code: decoded.code, reason: decoded.reason, bytes, ...none };
  const result = revertSource(decoded.text, { patch });
  const { guardBlocks, keywords, irregular, rewrapped, stillWrapped } = result;
  const counts = { guardBlocks, keywords, irregular, rewrapped, stillWrapped };
  const base = { before: decoded.text, after: result.text, ...counts };
  if (result.status !== "changed") return { ...base, status: result.status, code: result.code, reason: result.reason, bytes };
  const newBytes = decoded.encode(result.text);
  const problem = bytesProblem(decoded, bytes, newBytes, result.edits, result.text);
  if (problem) return { ...base, after: decoded.text, status: "error", code: "file/revert-not-applied", reason: `revert not applied: ${problem}`, bytes };
  return { ...base, status: "changed", bytes: newBytes };
}

type Ok = Extract<Decoded, { ok: true }>;

/** Returns what is wrong with the new bytes, or null. */
function bytesProblem(decoded: Ok, oldBytes: Buffer, newBytes: Buffer, edits: readonly Edit[], newText: string): string | null {
  const again = decodeSource(newBytes);
  if (!again.ok || again.encoding !== decoded.encoding || again.text !== newText) {
    return `the new contents would not read back as the same ${decoded.encoding} text`;
  }
  return onlyEdited(decoded, oldBytes, newBytes, edits);
}

/**
 * `newBytes` must be exactly `oldBytes` with each edit made: the bytes of its
 * range left out, its text, encoded, put in their place, nothing else moved.
 */
export function onlyEdited(decoded: Ok, oldBytes: Buffer, newBytes: Buffer, edits: readonly Edit[]): string | null {
  const oldText = decoded.text;
  const prefix = decoded.encoding === "utf-8-sig" ? 3 : 0;
  const byteLength = (s: string) => (decoded.encoding === "latin-1" ? s.length : Buffer.byteLength(s, "utf8"));
  if (!newBytes.subarray(0, prefix).equals(oldBytes.subarray(0, prefix))) return "the byte-order mark would change";
  let text = 0; // position in oldText
  let from = prefix; // position in oldBytes
  let at = prefix; // position in newBytes
  for (const edit of inTextOrder(edits)) {
    const keep = byteLength(oldText.slice(text, edit.start));
    if (!newBytes.subarray(at, at + keep).equals(oldBytes.subarray(from, from + keep))) return "bytes other than the planned edits would change";
    at += keep;
    from += keep + byteLength(oldText.slice(edit.start, edit.end));
    text = edit.end;
    const encoded = decoded.encode(edit.text).subarray(prefix);
    if (!newBytes.subarray(at, at + encoded.length).equals(encoded)) return "an edit would not land where it was planned";
    at += encoded.length;
  }
  if (at + (oldBytes.length - from) !== newBytes.length || !newBytes.subarray(at).equals(oldBytes.subarray(from))) {
    return "bytes other than the planned edits would change";
  }
  return null;
}
