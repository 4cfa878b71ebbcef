// Bytes <-> text without ever re-encoding what we did not insert. UTF-8 (with
// or without BOM) and PEP 263 latin-1 files round-trip exactly; any other
// declared or detected encoding is reported and left alone.
import type { FileCode } from "../model.js";

export type Decoded =
  | { ok: true; text: string; encode: (text: string) => Buffer; encoding: string }
  | { ok: false; code: FileCode; reason: string };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
// PEP 263: a comment on line 1 or 2 matching this names the encoding.
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const LATIN1 = new Set(["latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "cp819", "iso-latin-1"]);
const UTF8 = new Set(["utf-8", "utf8", "utf_8", "u8"]);

export function decodeSource(bytes: Buffer): Decoded {
  if (bytes.includes(0)) return { ok: false, code: "file/binary", reason: "binary file (contains a NUL byte)" };
  const hasBom = bytes.subarray(0, 3).equals(BOM);
  const declared = declaredEncoding(bytes);
  const name = declared?.toLowerCase().replace(/_/g, "-");
  if (name && LATIN1.has(name) && !hasBom) {
    return { ok: true, text: bytes.toString("latin1"), encode: (t) => Buffer.from(t, "latin1"), encoding: "latin-1" };
  }
  if (name && !UTF8.has(name) && !UTF8.has(name.replace(/-/g, "_"))) {
    return { ok: false, code: "file/unsupported-encoding", reason: `encoding '${declared}' is not supported for editing; file left alone` };
  }
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { ok: false, code: "file/not-utf8", reason: "not valid UTF-8 and no PEP 263 coding line; file left alone" };
  }
  const encode = hasBom
    ? (t: string) => Buffer.concat([BOM, Buffer.from(t, "utf8")])
    : (t: string) => Buffer.from(t, "utf8");
  return { ok: true, text, encode, encoding: hasBom ? "utf-8-sig" : "utf-8" };
}

function declaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 400).toString("latin1").split(/\r?\n|\r/).slice(0, 2);
  for (const line of head) {
    const m = CODING.exec(line);
    if (m) return m[1];
    // Only a comment (or blank) first line lets the second line declare it.
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  return null;
}
