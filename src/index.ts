// Library entry point: the CLI is a thin layer over these.
export { fixSource, type FixSourceOptions, type FixSourceResult, type SiteReport, type SiteAction, type FixStyle } from "./rewrite/fix-source.js";
export { fixPaths, type FixPathsOptions, type Report, type FileReport, type Summary, type Mode } from "./engine.js";
export { loadPatch, type Patch } from "./patches.js";
