// Reads a pasted Python traceback: its frames (file, line, function, source
// line) and the exception it ends in, and recognises the SOT error this tool
// fixes. Tolerant of what pastes carry: log prefixes before every line
// (`web_1  | `), ANSI colours (Python 3.13), caret lines (3.11+), CRLF,
// doubled backslashes from JSON-escaped logs, chained exceptions.
import { loadPatch } from "../patches.js";

export interface TracebackFrame {
  /** The path as printed (`E:\...\trainer.py`, `/home/x/...`, `tools/export_model.py`). */
  file: string;
  /** 1-based line number as printed. */
  line: number;
  /** Function name (`<module>` for module level). */
  function: string;
  /** The source line Python printed under the frame, trimmed; null when none was printed. */
  source: string | null;
  /** 1-based line of the `File "..."` line in the pasted text. */
  textLine: number;
}

export interface TracebackException {
  /** `RuntimeError`, `paddle.base.core.EnforceNotMet`, ... */
  type: string;
  /** The message (first line, then continuation lines joined with "\n"); "" when none. */
  message: string;
  /** 1-based line of the exception line in the pasted text. */
  textLine: number;
}

export interface TracebackBlock {
  frames: TracebackFrame[];
  exception: TracebackException | null;
}

export interface SotError {
  /** The attribute that refused (`main_program`, `outputs`, `get_concrete_program`, ...). */
  attribute: string;
  /** Whether the attribute is one Paddle's SOT functions are known to refuse (patch.json). */
  known: boolean;
}

export interface ParsedTraceback {
  /** Every `Traceback (most recent call last):` block, in the order printed (chained exceptions come first). */
  blocks: TracebackBlock[];
  /** The frames of the block that matters: the one ending in the SOT error, else the last one. */
  frames: TracebackFrame[];
  /** The exception that block ends in. */
  exception: TracebackException | null;
  /** The exception the whole text ends in (the last block's). */
  finalException: TracebackException | null;
  /** Set when `exception` is "RuntimeError: Can't call <attr> when full_graph=False...". */
  sot: SotError | null;
}

const HEADER = "Traceback (most recent call last):";
const FRAME = /^(\s*)File "(.+)", line (\d+)(?:, in (.+))?\s*$/;
const CHAIN = /^(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/;
const EXCEPTION = /^([A-Za-z_][\w.]*)(?::(?: (.*)|$)|$)/;
const CARETS = /^\s*[~^]+[\s~^]*$/;
// Paddle 2.6.2 writes "Can't call function_spec  when" (two spaces), hence \s+.
const SOT_MESSAGE = /Can[’'`]?t call ([A-Za-z_]\w*)(?:\(\))?\s+when full_graph=False/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** Whether a message is the SOT refusal, and for which attribute. */
export function sotAttributeOf(message: string): string | null {
  return SOT_MESSAGE.exec(message)?.[1] ?? null;
}

export function parseTraceback(text: string): ParsedTraceback {
  const lines = text.replace(ANSI, "").replace(/\r\n?/g, "\n").split("\n");
  const blocks: TracebackBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const at = lines[i]!.indexOf(HEADER);
    if (at < 0) {
      i++;
      continue;
    }
    // Whatever precedes the header (a log prefix) is taken off the lines that follow.
    const strip = prefixStripper(lines[i]!.slice(0, at));
    const block: TracebackBlock = { frames: [], exception: null };
    i++;
    let last: TracebackFrame | null = null;
    for (; i < lines.length; i++) {
      const line = strip(lines[i]!);
      const frame = FRAME.exec(line);
      if (frame) {
        last = { file: cleanPath(frame[2]!), line: Number(frame[3]), function: (frame[4] ?? "<unknown>").trim(), source: null, textLine: i + 1 };
        block.frames.push(last);
        continue;
      }
      if (line.includes(HEADER) || CHAIN.test(line.trim())) break;
      if (/^\s/.test(line) || line === "") {
        // The source line under a frame; carets, `[Previous line repeated N more times]` and blanks are skipped.
        const t = line.trim();
        if (last && last.source === null && t && !CARETS.test(line) && !/^\[Previous line repeated/.test(t)) last.source = t;
        continue;
      }
      const exc = EXCEPTION.exec(line);
      if (exc && block.frames.length > 0) {
        const message = [exc[2] ?? ""];
        let j = i + 1;
        // Continuation lines of a multi-line message, up to a blank line or the next block.
        for (; j < lines.length; j++) {
          const more = strip(lines[j]!);
          if (more.trim() === "" || more.includes(HEADER) || CHAIN.test(more.trim()) || FRAME.test(more)) break;
          message.push(more);
        }
        block.exception = { type: exc[1]!, message: message.join("\n").trim(), textLine: i + 1 };
        i = j;
        break;
      }
      // Any other unindented line ends the frames (log output interleaved).
      if (block.frames.length > 0) break;
    }
    if (block.frames.length > 0 || block.exception) blocks.push(block);
  }

  const sotAttributes = new Set(loadPatch().sotAttributes);
  let chosen: TracebackBlock | null = null;
  let sot: SotError | null = null;
  for (const block of blocks) {
    const attribute = block.exception ? sotAttributeOf(`${block.exception.message}`) : null;
    if (attribute && block.exception && /(^|\.)RuntimeError$/.test(block.exception.type)) {
      chosen = block;
      sot = { attribute, known: sotAttributes.has(attribute) };
    }
  }
  const lastBlock = blocks[blocks.length - 1] ?? null;
  chosen ??= lastBlock;
  return {
    blocks,
    frames: chosen?.frames ?? [],
    exception: chosen?.exception ?? null,
    finalException: lastBlock?.exception ?? null,
    sot,
  };
}

/** Takes a log prefix (what preceded the header, e.g. `web_1  | `) off a line that carries it. */
function prefixStripper(prefix: string): (line: string) => string {
  const trimmed = prefix.trimEnd();
  if (!trimmed) return (line) => line;
  return (line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line.startsWith(trimmed) ? line.slice(trimmed.length) : line);
}

/** `E:\\a\\b.py` (JSON-escaped in a log) -> `E:\a\b.py`. */
function cleanPath(file: string): string {
  return /\\\\/.test(file) ? file.replace(/\\\\/g, "\\") : file;
}

/** One line naming the exception, e.g. `RuntimeError: Can't call main_program when ...`. */
export function describeException(e: TracebackException | null): string {
  if (!e) return "no exception line";
  const first = e.message.split("\n")[0] ?? "";
  return first ? `${e.type}: ${first}` : e.type;
}
