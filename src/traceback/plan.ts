// From a parsed traceback to the to_static calls to fix: map the frames onto
// the checkout, take the last checkout frame (the line that read the
// converted object's program, or handed the object to paddle), and follow
// the object back to the call that produced it (trace.ts). The result
// is, per file, the `force` map fixSource/fixBytes take.
import { realpathSync } from "node:fs";
import path from "node:path";
import { compact } from "../python/locate.js";
import { mapFrames, type MappedFrame, type MapOptions } from "./map.js";
import { describeException, type ParsedTraceback, type TracebackException } from "./parse.js";
import { analyse, dedupe, isInCheckout, resolve, type Ctx, type Found } from "./trace.js";

export type PlanStatus =
  /** At least one to_static call was traced; `force` says which. */
  | "planned"
  /** The text holds no Python traceback. */
  | "no-traceback"
  /** The traceback ends in another error: nothing to do. */
  | "other-error"
  /** No frame of the traceback is a file of this checkout. */
  | "unmapped"
  /** The failing line was found, but not the to_static call behind it. */
  | "not-traced";

export interface PlannedSite {
  /** Absolute path of the file. */
  file: string;
  /** Relative to root, with `/`. */
  relPath: string;
  line: number;
  column: number;
  /** The callee as written (`paddle.jit.to_static`, `to_static`). */
  callee: string;
  /** The reason the report gives, e.g. "the traceback's RuntimeError at ppdet/engine/trainer.py:1181 reads its result". */
  reason: string;
  /** What the call passes today: `open` (will be fixed), `already-fixed`, `needs-review`. */
  state: "open" | "already-fixed" | "needs-review";
}

export interface TracebackPlan {
  status: PlanStatus;
  /** The exception the relevant block ends in (the SOT error when there is one). */
  exception: TracebackException | null;
  /** The SOT attribute that refused, when the error is the one this tool fixes. */
  attribute: string | null;
  frames: MappedFrame[];
  /** The checkout frame where the error surfaced, when one was found. */
  failing: MappedFrame | null;
  sites: PlannedSite[];
  /**
   * Real absolute file path -> (1-based line -> reason): pass `force: plan.force.get(file)`
   * to fixSource/fixBytes (the engine's `SourceFile.target` is such a path).
   */
  force: Map<string, Map<number, string>>;
  /** Human-readable account of what was found and done, one line each. */
  messages: string[];
}

export interface PlanOptions extends MapOptions {
  /** How many hops (caller frames, returns) to follow at most (default 8). */
  maxDepth?: number;
}

export async function planFromTraceback(parsed: ParsedTraceback, root: string, options: PlanOptions = {}): Promise<TracebackPlan> {
  // Real paths, so `force` keys match the files the engine reaches (it resolves symlinks).
  const absRoot = realpathOr(path.resolve(root));
  const base: TracebackPlan = {
    status: "no-traceback",
    exception: parsed.exception,
    attribute: parsed.sot?.attribute ?? null,
    frames: [],
    failing: null,
    sites: [],
    force: new Map(),
    messages: [],
  };
  if (parsed.blocks.length === 0 || (parsed.frames.length === 0 && !parsed.exception)) {
    return { ...base, messages: ["No Python traceback found (no \"Traceback (most recent call last):\" block); nothing changed."] };
  }
  if (!parsed.sot) {
    const final = parsed.finalException ?? parsed.exception;
    return {
      ...base,
      status: "other-error",
      messages: [
        `The traceback ends in ${describeException(final)}: not the error this tool fixes ("RuntimeError: Can't call <attribute> when full_graph=False"); nothing changed.`,
      ],
    };
  }
  const messages: string[] = [];
  if (!parsed.sot.known) messages.push(`note: '${parsed.sot.attribute}' is not among the attributes SOT is known to refuse; tracing it anyway.`);
  if (parsed.finalException && parsed.exception && parsed.finalException.textLine !== parsed.exception.textLine) {
    messages.push(`note: the text ends in ${describeException(parsed.finalException)}, raised while handling the full_graph error; tracing the full_graph error.`);
  }

  const frames = await mapFrames(parsed.frames, absRoot, options);
  const plan: TracebackPlan = { ...base, frames, status: "unmapped", messages };
  for (const f of frames) {
    if (f.status === "moved" || f.status === "mismatch" || f.status === "ambiguous" || f.installed) {
      messages.push(`note: ${f.frame.file}:${f.frame.line}: ${f.note}`);
    }
  }
  // The deepest frame that is (or may be) checkout code is where the error surfaced.
  const failingIndex = lastIndexWhere(frames, (f) => isInCheckout(f) || f.status === "mismatch" || f.status === "ambiguous");
  if (failingIndex < 0) {
    messages.push(
      `None of the traceback's ${frames.length} frames is a file under ${absRoot} (${describeFrames(frames)}); run it with the checkout the export ran from; nothing changed.`,
    );
    return plan;
  }
  const deepest = frames[failingIndex]!;
  if (!isInCheckout(deepest)) {
    messages.push(
      `The error surfaced at ${deepest.frame.file}:${deepest.frame.line}, which does not match this checkout (${deepest.note}); run it with the checkout the export ran from; nothing changed.`,
    );
    return plan;
  }
  const failing = deepest;
  plan.failing = failing;
  const ctx: Ctx = { root: absRoot, frames, cache: new Map(), maxDepth: options.maxDepth ?? 8 };
  const analysis = analyse(ctx, failing.file, failing.relPath);
  const where = `${failing.relPath}:${failing.line}`;
  if (!analysis) {
    messages.push(`${where} cannot be read or parsed; nothing changed.`);
    return { ...plan, status: "not-traced" };
  }

  const attribute = parsed.sot.attribute;
  const reads = analysis.attributeReads(failing.line, attribute);
  let found: Found[] = [];
  let what: string;
  if (reads.length > 0) {
    what = `reads its result`;
    for (const read of reads) {
      const object = read.childForFieldName("object");
      if (object) found.push(...resolve(ctx, analysis, failingIndex, compact(object), read, [], 0));
    }
  } else {
    // The checkout line handed the object to paddle (e.g. paddle.jit.save), which read it.
    what = `hands its result to paddle, which reads .${attribute}`;
    for (const call of analysis.callsSpanning(failing.line)) {
      for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
        const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
        if (value && (value.type === "identifier" || value.type === "attribute")) {
          found.push(...resolve(ctx, analysis, failingIndex, compact(value), call, [], 0));
        }
      }
      if (found.length) break;
    }
  }
  found = dedupe(found);
  if (found.length === 0) {
    const shown = failing.frame.source ? ` (\`${failing.frame.source}\`)` : "";
    messages.push(
      `The error surfaced at ${where} in ${failing.frame.function}${shown}, but the paddle.jit.to_static call that produced the object could not be traced from there; nothing changed. Run with --all, or pass full_graph=True at that call by hand.`,
    );
    return { ...plan, status: "not-traced" };
  }

  const errorName = parsed.exception?.type.split(".").pop() ?? "RuntimeError";
  for (const f of found) {
    const via = f.via.length ? ` (${f.via.join("; ")})` : "";
    const reason = `the traceback's ${errorName} at ${where} ${what}${via}`;
    const site: PlannedSite = {
      file: f.analysis.file,
      relPath: f.analysis.relPath,
      line: f.info.line,
      column: f.info.column,
      callee: f.info.site.calleeNode.text,
      reason,
      state: f.info.state.kind,
    };
    plan.sites.push(site);
    let perFile = plan.force.get(site.file);
    if (!perFile) plan.force.set(site.file, (perFile = new Map()));
    perFile.set(site.line, reason);
    const already = f.info.state.kind === "open" ? "" : ` — ${f.info.state.reason}; left alone`;
    messages.push(`${site.relPath}:${site.line}:${site.column}  ${site.callee}(...) produced the object: ${reason}${already}`);
  }
  if (plan.sites.every((site) => site.state !== "open")) {
    messages.push(
      "Every call the traceback leads to already passes full_graph (or needs review), so this checkout is not what failed: check the notes above (an installed copy, another checkout) and run the export from this checkout.",
    );
  }
  plan.status = "planned";
  return plan;
}

function realpathOr(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

function lastIndexWhere<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

function describeFrames(frames: readonly MappedFrame[]): string {
  const counts = new Map<string, number>();
  for (const f of frames) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}
