// The one-line progress count on stderr for a run that takes a while:
// nothing for its first second (most runs are done by then), then
// `scanned 1234 of 46000 files…`, redrawn in place with \r a few times a
// second, and wiped before anything else is written. Whether it is drawn
// at all is terminal.ts's decision.
import type { RunProgress } from "../engine.js";

export interface ProgressLine {
  /** The engine's callback: cheap, it only keeps the latest counts. */
  update(progress: RunProgress): void;
  /** Stops drawing and wipes the line (when one was drawn); call before writing anything else. */
  stop(): void;
}

const NONE: ProgressLine = { update() {}, stop() {} };

/** What the line says. */
export function progressText(p: RunProgress): string {
  return p.phase === "walk" ? `looking for Python files… ${p.done} found` : `scanned ${p.done} of ${p.total} files…`;
}

export function progressLine(enabled: boolean, afterMs: number, stream: { write(s: string): unknown } = process.stderr, everyMs = 100): ProgressLine {
  if (!enabled) return NONE;
  let latest: RunProgress | null = null;
  let width = 0;
  let due = false;
  let drawn = 0;
  const draw = () => {
    if (!latest) return;
    drawn = Date.now();
    const text = progressText(latest);
    stream.write(`\r${text}${" ".repeat(Math.max(0, width - text.length))}`);
    width = Math.max(width, text.length);
  };
  // Drawn as the counts change, at most every everyMs, once the run has gone on for afterMs.
  const start = setTimeout(() => {
    due = true;
    draw();
  }, afterMs);
  start.unref();
  return {
    update(progress) {
      latest = progress;
      if (due && Date.now() - drawn >= everyMs) draw();
    },
    stop() {
      clearTimeout(start);
      due = false;
      // Spaces, not an escape sequence: a wipe any terminal understands.
      if (width) stream.write(`\r${" ".repeat(width)}\r`);
      width = 0;
    },
  };
}
