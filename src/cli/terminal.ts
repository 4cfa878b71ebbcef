// Whether a person at a terminal reads the output, decided here and nowhere
// else: colour on each stream, and the progress line on stderr.
//
// Colour: never with --no-color or NO_COLOR (non-empty, as picocolors reads
// it); always with FORCE_COLOR (non-empty and not "0"); else only on a
// terminal whose TERM is not "dumb". The progress line: only when stderr is
// a terminal, never with --json or -q (FORCE_COLOR does not force it).
//
// Tests cannot give the child a terminal, so PADDLE_FULLGRAPH_FIX_TTY names
// the streams to treat as one ("stdout", "stderr", "stdout,stderr"; "1" for
// both), and PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS shortens the second the
// progress line waits before it shows. Both are test hooks, not options.
import { createColors } from "picocolors";

export type StreamName = "stdout" | "stderr";

export interface Terminal {
  /** Whether to colour what goes to this stream. */
  color(stream: StreamName): boolean;
  /** picocolors' functions for this stream (plain strings when colour is off). */
  colors(stream: StreamName): ReturnType<typeof createColors>;
  /** Whether the progress line may be drawn on stderr. */
  progress: boolean;
  /** How long a run goes before the progress line shows, in ms. */
  progressAfterMs: number;
}

export interface TerminalOptions {
  /** False with --no-color. */
  color?: boolean;
  quiet?: boolean;
  json?: boolean;
}

interface Streams {
  stdout: { isTTY?: boolean };
  stderr: { isTTY?: boolean };
}

export const PROGRESS_AFTER_MS = 1000;

export function terminal(opts: TerminalOptions, env: NodeJS.ProcessEnv = process.env, streams: Streams = process): Terminal {
  const forced = (env.PADDLE_FULLGRAPH_FIX_TTY ?? "").split(",").map((s) => s.trim());
  const isTerminal = (name: StreamName) => Boolean(streams[name].isTTY) || forced.includes(name) || forced.includes("1");
  const color = (name: StreamName) => {
    if (opts.color === false || env.NO_COLOR) return false;
    if (env.FORCE_COLOR && env.FORCE_COLOR !== "0") return true;
    return isTerminal(name) && env.TERM !== "dumb";
  };
  const after = env.PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS ? Number(env.PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS) : NaN;
  return {
    color,
    colors: (name) => createColors(color(name)),
    progress: isTerminal("stderr") && !opts.json && !opts.quiet,
    progressAfterMs: Number.isFinite(after) && after >= 0 ? after : PROGRESS_AFTER_MS,
  };
}
