// The CLI-facing ends of the traceback flow: text in -> plan, the lines to
// print, and the exit code.
import path from "node:path";
import { parseTraceback } from "./parse.js";
import { planFromTraceback, type PlanOptions, type TracebackPlan } from "./plan.js";

/** parseTraceback then planFromTraceback. */
export async function planFromTracebackText(text: string, root: string, options: PlanOptions = {}): Promise<TracebackPlan> {
  return planFromTraceback(parseTraceback(text), root, options);
}

/**
 * 0 when the plan found at least one call behind the error that a fix
 * changes; 2 when there is nothing this tool can do from this traceback
 * (another error, no traceback, frames outside the checkout, not traced, or
 * every call it leads to already passes full_graph). `--check` turns a 0
 * into 1 itself while the planned fix is pending.
 */
export function tracebackExitCode(plan: TracebackPlan): 0 | 2 {
  return plan.status === "planned" && plan.sites.some((s) => s.state === "open") ? 0 : 2;
}

/** Lines for stderr: what the traceback says, where it surfaced, and what will be forced. */
export function formatTracebackPlan(plan: TracebackPlan, cwd = process.cwd()): string[] {
  const lines: string[] = [];
  if (plan.failing && plan.attribute) {
    const shown = path.relative(cwd, plan.failing.file!) || plan.failing.relPath;
    lines.push(`Traceback: RuntimeError (SOT refused .${plan.attribute}) surfaced at ${shown}:${plan.failing.line} in ${plan.failing.frame.function}.`);
  }
  lines.push(...plan.messages);
  return lines;
}
