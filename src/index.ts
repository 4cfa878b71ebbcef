// Library entry point: the CLI is a thin layer over these.
import type { ToolkitInfo } from "./model.js";

export type {
  Applicability,
  CheckoutKind,
  Environment,
  PaddleInfo,
  ToolkitInfo,
  Verdict,
  Edit,
  FileReport,
  FileStatus,
  Fix,
  FixStyle,
  Interruption,
  LineStyle,
  Mode,
  Report,
  RevertCounts,
  SiteAction,
  SiteClass,
  SiteForm,
  SiteReport,
  StaleTempFiles,
  StaleVariable,
  Summary,
  ToolInfo,
} from "./model.js";
export { fixSource, type FixSourceOptions, type FixSourceResult } from "./rewrite/fix-source.js";
export { fixBytes, revertBytes, type FixBytesResult, type RevertBytesResult } from "./rewrite/fix-bytes.js";
export { revertSource, type RevertSourceOptions, type RevertSourceResult } from "./rewrite/revert.js";
export { fixPaths, type FixPathsOptions, type RunProgress } from "./engine.js";
export { nodeFs, type FsLayer } from "./files/fs-layer.js";
export { LineStyles } from "./files/line-style.js";
export {
  detectEnvironment,
  DetectUsageError,
  formatEnvironmentHeader,
  normalizePaddleVersion,
  supportsFullGraphKeyword,
  type DetectOptions,
  TOOLKITS,
  toolkitName,
} from "./detect/index.js";
export { UserError } from "./model.js";
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
export { doctorReport, doctorSummary, type DoctorOptions, type DoctorSummary, type DoctorStatus } from "./report/doctor.js";

// Earlier names, kept so code written against them still compiles.
/** @deprecated use ToolkitInfo */
export type PaddleDetectionInfo = ToolkitInfo;
