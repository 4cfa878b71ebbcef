// Library entry point: the CLI is a thin layer over these.
export {
  fixSource,
  type FixSourceOptions,
  type FixSourceResult,
  type SiteReport,
  type SiteAction,
  type FixStyle,
} from "./rewrite/fix-source.js";
export { fixBytes, revertBytes, type FixBytesResult, type RevertBytesResult } from "./fix-bytes.js";
export { revertSource, type RevertSourceOptions, type RevertSourceResult, type Removal } from "./rewrite/revert.js";
export { fixPaths, type FixPathsOptions, type Report, type FileReport, type FileStatus, type Summary, type Mode } from "./engine.js";
export type { Interruption, RevertCounts } from "./engine.js";
export { nodeFs, type FsLayer } from "./fs-layer.js";
export {
  detectEnvironment,
  DetectUsageError,
  formatEnvironmentHeader,
  normalizePaddleVersion,
  supportsFullGraphKeyword,
  type DetectOptions,
  type Environment,
  type PaddleInfo,
  type PaddleDetectionInfo,
  type Verdict,
  TOOLKITS,
  toolkitName,
  type CheckoutKind,
  type ToolkitInfo,
} from "./detect/index.js";
export { loadPatch, type Patch } from "./patches.js";
export {
  parseTraceback,
  mapFrames,
  planFromTraceback,
  planFromTracebackText,
  formatTracebackPlan,
  tracebackExitCode,
  type ParsedTraceback,
  type TracebackFrame,
  type TracebackPlan,
  type PlannedSite,
} from "./traceback/index.js";
export { doctorReport, doctorSummary, type DoctorOptions, type DoctorSummary, type DoctorStatus } from "./doctor.js";
export type { SiteClass } from "./python/classify.js";
export type { SiteForm } from "./python/sites.js";
