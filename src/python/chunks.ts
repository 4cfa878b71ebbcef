// Splits Python source into its top-level statements by a light lexical scan
// (strings, comments, brackets, line continuations), so a big file can be
// parsed in part: only the statements that matter. The chunks tile the text:
// each runs from one top-level statement's first line to the next one's.
//
// A boundary is only placed where a line starts at column 0 outside any
// string, bracket or continuation, and does not continue a compound
// statement (`else`, `elif`, `except`, `finally`) or follow a decorator.
// When in doubt it merges: a chunk too big costs parse time, never
// correctness. (A boundary wrongly placed inside a construct leaves a
// fragment that fails to parse, which sends the caller to a full parse.)

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

import { isNameCode } from "../prefilter.js";

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

const CONTINUATIONS = new Set(["else", "elif", "except", "finally"]);

// Characters the scan must look at; runs of anything else are skipped.
const SPECIAL = new Uint8Array(128);
for (const c of "\n#'\"\\()[]{}") SPECIAL[c.charCodeAt(0)] = 1;

export function topLevelChunks(text: string): Chunk[] {
  const starts: { index: number; row: number; definition: boolean }[] = [];
  const n = text.length;
  let row = 0;
  let depth = 0;
  let afterDecorator = false;
  // Called at the start of each line that begins outside strings, brackets and continuations.
  const lineStart = (i: number): void => {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === FORM_FEED || c === CR || c === NL || c === HASH || i >= n) return;
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
      const end = stringEnd(text, i);
      row += countNewlines(text, i, end);
      i = end;
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

function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && isNameCode(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}


/** Index just past the string literal whose opening quote is at `i`. */
function stringEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  const n = text.length;
  const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  let j = triple ? i + 3 : i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    // A backslash keeps the next character in the string (raw strings too: r"\"" is one string).
    if (c === BACKSLASH) j += 2;
    else if (c === q && (!triple || (text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q))) return j + (triple ? 3 : 1);
    else if (c === NL && !triple) return j; // unterminated: the line ends it
    else j++;
  }
  return n;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
