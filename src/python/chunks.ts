// Splits Python source into its top-level statements by a light lexical scan
// (strings, comments, brackets, line continuations), so a big file can be
// parsed in part: only the statements that matter. The chunks tile the text:
// each runs from one top-level statement's first line to the next one's.
//
// A boundary is only placed where a line starts at column 0 outside any
// string, bracket or continuation, and does not continue a compound
// statement (`else`, `elif`, `except`, `finally`) or follow a decorator.
// When in doubt it merges: a chunk too big costs parse time, never
// correctness. Strings are read as tree-sitter reads them, f-strings with
// their replacement fields (PEP 701 lets those hold the string's own quotes,
// and line ends); where the scan cannot be sure of a string's end (a
// single-quoted string or field a line end reaches, a construct in a
// replacement field it does not follow, a backtick) the whole text is one
// chunk, so the caller parses it whole. (A boundary wrongly placed does not
// always leave a fragment that fails to parse: a string's line taken for a
// statement, or a statement taken into a string, can parse in the excerpt
// and change what it means.)

import { isNameCode, nextWholeName } from "./prefilter.js";

export interface Chunk {
  /** Index of the chunk's first character, and one past its last. */
  start: number;
  end: number;
  /** 0-based rows of `start` and `end` (a chunk ends at a line start, or at the end of the text). */
  startRow: number;
  endRow: number;
  /** The statement is a function or class definition (decorated or not). */
  definition: boolean;
}

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const FORM_FEED = 0x0c;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const AT = 0x40;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKTICK = 0x60;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const CONTINUATIONS = new Set(["else", "elif", "except", "finally"]);

// Characters the scan must look at; runs of anything else are skipped.
const SPECIAL = new Uint8Array(128);
for (const c of "\n#'\"\\()[]{}`") SPECIAL[c.charCodeAt(0)] = 1;

export function topLevelChunks(text: string): Chunk[] {
  const starts: { index: number; row: number; definition: boolean }[] = [];
  const n = text.length;
  let row = 0;
  let depth = 0;
  let afterDecorator = false;
  // Called at the start of each line that begins outside strings, brackets and continuations.
  const lineStart = (i: number): void => {
    const c = text.charCodeAt(i);
    // (A backslash there joins the next line to this one: whatever follows stays in this chunk.)
    if (c === SPACE || c === TAB || c === FORM_FEED || c === CR || c === NL || c === HASH || c === BACKSLASH || i >= n) return;
    const word = wordAt(text, i);
    if (CONTINUATIONS.has(word)) return;
    if (afterDecorator) {
      // The definition a decorator line belongs to: same chunk.
      if (c !== AT) afterDecorator = false;
      return;
    }
    const definition = c === AT || word === "def" || word === "class" || (word === "async" && /^async[ \t]+def\b/.test(text.slice(i, i + 16)));
    starts.push({ index: i, row, definition });
    afterDecorator = c === AT;
  };
  lineStart(0);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && !SPECIAL[c]) {
      i++;
      continue;
    }
    if (c === NL) {
      row++;
      i++;
      if (depth === 0) lineStart(i);
    } else if (c === HASH) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? n : nl;
    } else if (c === QUOTE || c === DOUBLE_QUOTE) {
      const end = stringEnd(text, i, 0);
      if (end < 0) return wholeText(text);
      row += countNewlines(text, i, end);
      i = end;
    } else if (c === BACKTICK) {
      // tree-sitter reads `...` as a string (Python 2's repr): not followed here.
      return wholeText(text);
    } else if (c === BACKSLASH) {
      // A backslash before the end of a line joins the next line to this one:
      // step over both, so that line is not taken for a new statement.
      const next = text.charCodeAt(i + 1);
      if (next === NL || (next === CR && text.charCodeAt(i + 2) === NL)) {
        i += next === NL ? 2 : 3;
        row++;
      } else i++;
    } else {
      if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
      else if ((c === 0x29 || c === 0x5d || c === 0x7d) && depth > 0) depth--;
      i++;
    }
  }
  if (!starts.length || starts[0].index !== 0) starts.unshift({ index: 0, row: 0, definition: false });
  const chunks: Chunk[] = [];
  for (let k = 0; k < starts.length; k++) {
    const next = starts[k + 1];
    chunks.push({
      start: starts[k].index,
      end: next ? next.index : n,
      startRow: starts[k].row,
      endRow: next ? next.row : row,
      definition: starts[k].definition,
    });
  }
  return chunks;
}

/** The text as one chunk (no definition): what the caller parses whole. */
function wholeText(text: string): Chunk[] {
  return [{ start: 0, end: text.length, startRow: 0, endRow: countNewlines(text, 0, text.length), definition: false }];
}

function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && isNameCode(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}


/**
 * Index just past the string literal whose opening quote is at `i`, read as
 * tree-sitter reads it, or -1 where this scan is unsure: a single-quoted
 * string that a line end reaches (Python rejects it, tree-sitter may take the
 * next line into the string), a text that ends inside, or an f-string
 * construct not followed here.
 */
function stringEnd(text: string, i: number, level: number): number {
  const prefix = stringPrefix(text, i);
  const format = /f/i.test(prefix);
  const raw = /r/i.test(prefix);
  const bytes = /b/i.test(prefix);
  if (level > 16 || (format && bytes)) return -1;
  const q = text.charCodeAt(i);
  const n = text.length;
  const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  let j = triple ? i + 3 : i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) {
      // A backslash keeps the next character in the string (raw strings too:
      // r"\"" is one string), a CRLF whole; in an f-string, a brace after it
      // still opens a field. \N{...} is one escape up to the first `}`, even
      // across quotes and lines to tree-sitter: unsure there.
      const next = text.charCodeAt(j + 1);
      if (next === CR && text.charCodeAt(j + 2) === NL) j += 3;
      else if (format && next === OPEN_BRACE) j++;
      else if (!raw && !bytes && next === 0x4e && text.charCodeAt(j + 2) === OPEN_BRACE) {
        const close = text.indexOf("}", j + 3);
        if (close <= j + 3 || /['"\n]/.test(text.slice(j + 3, close))) return -1;
        j = close + 1;
      } else j += 2;
    } else if (c === q && (!triple || (text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q))) return j + (triple ? 3 : 1);
    else if (c === NL && !triple) return -1;
    else if (format && c === OPEN_BRACE) {
      if (text.charCodeAt(j + 1) === OPEN_BRACE) j += 2;
      else if ((j = fieldEnd(text, j + 1, triple, level)) < 0) return -1;
    } else if (format && c === CLOSE_BRACE) {
      if (text.charCodeAt(j + 1) !== CLOSE_BRACE) return -1;
      j += 2;
    } else j++;
  }
  return -1;
}

/** The letters before a quote that make its string prefix (`rb`, `f`), or "" (none, or part of a name). */
function stringPrefix(text: string, quote: number): string {
  let k = quote;
  while (k > 0 && "rRbBuUfF".includes(text[k - 1])) k--;
  return k > 0 && isNameCode(text.charCodeAt(k - 1)) ? "" : text.slice(k, quote);
}

/**
 * Index just past the `}` that closes the replacement field whose expression
 * starts at `j`, or -1 (unsure: a comment, a backslash or, in a single-quoted
 * f-string, a line end inside the field).
 */
function fieldEnd(text: string, j: number, triple: boolean, level: number): number {
  if (level > 16) return -1;
  let depth = 0;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === QUOTE || c === DOUBLE_QUOTE) {
      if ((j = stringEnd(text, j, level + 1)) < 0) return -1;
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === OPEN_BRACE) depth++;
    else if (c === 0x29 || c === 0x5d) {
      if (!depth--) return -1;
    } else if (c === CLOSE_BRACE) {
      if (!depth--) return j + 1;
    } else if (c === 0x3a && !depth) return specEnd(text, j + 1, triple, level);
    else if (c === HASH || c === BACKSLASH || c === BACKTICK || (c === NL && !triple)) return -1;
    j++;
  }
  return -1;
}

/** Index just past the `}` that closes a format spec starting at `j` (nested fields allowed), or -1. */
function specEnd(text: string, j: number, triple: boolean, level: number): number {
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === CLOSE_BRACE) return j + 1;
    if (c === OPEN_BRACE) {
      if ((j = fieldEnd(text, j + 1, triple, level + 1)) < 0) return -1;
      continue;
    }
    // Plain text to tree-sitter; anything that could read otherwise: unsure.
    if (c === QUOTE || c === DOUBLE_QUOTE || c === BACKSLASH || c === HASH || c === NL || c === CR || c === BACKTICK || "()[]".includes(text[j])) return -1;
    j++;
  }
  return -1;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * Whether `name` occurs as a whole name (the prefilter's rule) anywhere but
 * inside a comment or a string literal, strings read as tree-sitter reads
 * them (the same reading as topLevelChunks). False means the parser would
 * find no such name in code, so the file holds no site and need not be
 * parsed. True wherever the scan is unsure: a string whose end it cannot
 * tell, a backtick, or an f-string that holds the name (its replacement
 * fields are code).
 */
export function namedInCode(text: string, name: string): boolean {
  let at = nextWholeName(text, name, 0);
  const n = text.length;
  let i = 0;
  while (at >= 0 && i < n) {
    // Code up to the next comment or string: an occurrence there is in code.
    const c = text.charCodeAt(i);
    if (c !== HASH && c !== QUOTE && c !== DOUBLE_QUOTE && c !== BACKTICK) {
      if (i === at) return true;
      i++;
      continue;
    }
    if (c === BACKTICK) return true;
    let end: number;
    if (c === HASH) {
      const nl = text.indexOf("\n", i);
      end = nl < 0 ? n : nl;
    } else {
      end = stringEnd(text, i, 0);
      if (end < 0) return true;
      if (at < end && /f/i.test(stringPrefix(text, i))) return true;
    }
    // Occurrences inside this comment or string are not code.
    if (at < end) at = nextWholeName(text, name, end);
    i = end;
  }
  return false;
}
