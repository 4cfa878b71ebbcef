// Fixing straight from a traceback: parse it, map its frames onto the
// checkout, trace the failing read back to the to_static call behind it.
// The CLI passes `plan.force.get(file)` to fixBytes for each planned file.
export { parseTraceback, describeException, sotAttributeOf } from "./parse.js";
export type { ParsedTraceback, SotError, TracebackBlock, TracebackException, TracebackFrame } from "./parse.js";
export { mapFrames, indexPythonFiles, pathParts } from "./map.js";
export type { FrameStatus, MappedFrame, MapOptions } from "./map.js";
export { planFromTraceback } from "./plan.js";
export type { PlanOptions, PlanStatus, PlannedSite, TracebackPlan } from "./plan.js";
export { planFromTracebackText, tracebackExitCode, formatTracebackPlan } from "./summary.js";
