// Parsing a big file in part. Tree-sitter's parse time grows with the bytes
// it reads, and in a big module most top-level functions and classes never
// mention the callee. Those are left out: the statements that can matter are
// copied, in order, into a shorter text that is parsed instead (every
// module-level statement that is not a definition, such as imports,
// assignments and `if __name__` blocks; every definition up to the first one,
// so the top block looks as in a full parse; each definition that names one
// of the given words). Offsets and lines found in that text are mapped back.
// (Tree-sitter's own included ranges would keep the positions, but its lexer
// scans the range list at every token: quadratic with thousands of ranges.)
import { topLevelChunks, type Chunk } from "./chunks.js";
import { wordPositions } from "./locate.js";

/** Below this many characters a file is always parsed whole. */
export const PARTIAL_PARSE_MIN_CHARS = 1 << 20;

/** A run of kept text: where it sits in the short text and in the original. */
interface Segment {
  at: number;
  from: number;
  length: number;
  row: number;
  fromRow: number;
}

/** The kept statements of a text, joined, with the way back to the original's positions. */
export class Excerpt {
  constructor(
    readonly text: string,
    private readonly segments: readonly Segment[],
  ) {}

  /**
   * Offset in the original text. An offset where two runs meet belongs to the
   * end of the earlier one (text inserted there follows what precedes it).
   */
  originalOffset(offset: number): number {
    const s = this.segments;
    // The first run that ends at or after the offset.
    const k = Math.min(lastIndexAtMost(s, (seg) => seg.at + seg.length, offset - 1) + 1, s.length - 1);
    return s[k].from + (offset - s[k].at);
  }

  /** 0-based row in the original text of a 0-based row of the excerpt. */
  originalRow(row: number): number {
    const seg = this.segments[Math.max(0, lastIndexAtMost(this.segments, (x) => x.row, row))];
    return seg.fromRow + (row - seg.row);
  }
}

/** Index of the last item whose key is at most `value` (keys ascending), or -1. */
function lastIndexAtMost<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = -1;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(items[mid]) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class PartialPlan {
  private readonly included: boolean[];

  private constructor(
    private readonly text: string,
    private readonly chunks: Chunk[],
  ) {
    const firstDefinition = chunks.findIndex((c) => c.definition);
    this.included = chunks.map((c, k) => !c.definition || k <= firstDefinition);
  }

  /** A plan that keeps the definitions naming any of `words`, or null when it would parse everything anyway. */
  static create(text: string, words: readonly string[]): PartialPlan | null {
    const chunks = topLevelChunks(text);
    if (!chunks.some((c) => c.definition)) return null;
    const plan = new PartialPlan(text, chunks);
    plan.include(wordPositions(text, words));
    return plan.included.every(Boolean) ? null : plan;
  }

  /** Adds the chunks holding these positions; true when any was left out before. */
  include(positions: readonly number[]): boolean {
    let added = false;
    let k = 0;
    for (const p of [...positions].sort((a, b) => a - b)) {
      while (k < this.chunks.length && this.chunks[k].end <= p) k++;
      if (k < this.chunks.length && !this.included[k]) {
        this.included[k] = true;
        added = true;
      }
    }
    return added;
  }

  /** Share of the text the parse reads (for reports and tests). */
  get share(): number {
    let chars = 0;
    this.chunks.forEach((c, k) => (chars += this.included[k] ? c.end - c.start : 0));
    return this.text.length ? chars / this.text.length : 1;
  }

  excerpt(): Excerpt {
    return excerpt(this.text, this.chunks, this.included);
  }
}

/**
 * The top-level statements of `text` that overlap any of the spans: what a
 * check of an edited text must re-parse (the rest is byte for byte what was
 * there before).
 */
export function excerptAround(text: string, spans: readonly { start: number; end: number }[]): Excerpt {
  const chunks = topLevelChunks(text);
  const included = chunks.map(() => false);
  for (const span of spans) {
    for (let k = chunkIndex(chunks, span.start); k < chunks.length && chunks[k].start <= span.end; k++) included[k] = true;
  }
  return excerpt(text, chunks, included);
}

function chunkIndex(chunks: readonly Chunk[], position: number): number {
  return Math.max(0, lastIndexAtMost(chunks, (c) => c.start, position));
}

/** Runs of included chunks, joined. Chunks end at a line start, so runs hold whole lines. */
function excerpt(text: string, chunks: readonly Chunk[], included: readonly boolean[]): Excerpt {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let at = 0;
  let row = 0;
  for (let k = 0; k < chunks.length; k++) {
    if (!included[k]) continue;
    let last = k;
    while (last + 1 < chunks.length && included[last + 1]) last++;
    const first = chunks[k];
    const end = chunks[last];
    segments.push({ at, from: first.start, length: end.end - first.start, row, fromRow: first.startRow });
    parts.push(text.slice(first.start, end.end));
    at += end.end - first.start;
    row += end.endRow - first.startRow;
    k = last;
  }
  return new Excerpt(parts.join(""), segments);
}
