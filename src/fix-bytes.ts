// fixSource for raw file contents: byte prefilter, decoding that keeps the
// file's encoding (and BOM) exactly, and re-encoding of the result.
import { decodeSource } from "./encoding.js";
import { loadPatch } from "./patches.js";
import { fixSource, lastName, type FixSourceOptions, type FixSourceResult } from "./rewrite/fix-source.js";

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

const needles = new Map<string, Buffer>();

export function fixBytes(bytes: Buffer, options: FixSourceOptions = {}): FixBytesResult {
  const patch = options.patch ?? loadPatch();
  let needle = needles.get(patch.id);
  if (!needle) needles.set(patch.id, (needle = Buffer.from(lastName(patch.callee))));
  // Most files never mention the callee: no decoding, no parser.
  if (bytes.indexOf(needle) < 0) return { status: "unchanged", sites: [], bytes };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { status: "skipped", reason: decoded.reason, sites: [], bytes };
  const result = fixSource(decoded.text, { ...options, patch });
  const changed = result.status === "changed";
  return {
    status: result.status,
    reason: result.reason,
    sites: result.sites,
    bytes: changed ? decoded.encode(result.text) : bytes,
    before: decoded.text,
    after: result.text,
  };
}
