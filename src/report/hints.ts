// Lines for stderr when a run found nothing, so an empty answer is never
// mistaken for a clean one: no Python file scanned at all, or one file of a
// recognised checkout named that holds no call (its export calls live in
// the toolkit's package). Pure: the report and environment in, lines out.
import path from "node:path";
import { TOOLKITS } from "../detect/layout.js";
import type { Environment, Report } from "../model.js";
import { shellQuote } from "./doctor.js";
import { filesAndFolders, ignoredNote } from "./words.js";

export interface HintContext {
  /** The paths as the user gave them. */
  paths: readonly string[];
  /** Which of them are files (not folders). */
  files: readonly string[];
  cwd: string;
  /** How to spell the tool in a suggested command. */
  command: string;
}

export function emptyRunHints(report: Report, environment: Environment | null | undefined, ctx: HintContext): string[] {
  if (report.interrupted) return [];
  const s = report.summary;
  if (s.files === 0) {
    const excluded = filesAndFolders(s.excludedFiles, s.excludedFolders);
    if (excluded) {
      const ignored = ignoredNote(s);
      return [
        `--exclude left nothing to scan in ${ctx.paths.join(", ")}: it skipped ${excluded}${ignored ? `, and ${ignored}` : ""}. ` +
          "A pattern without a slash matches a name at any depth, one with a slash the path below each folder given, one starting with ./ or ../ (or /) a path from here; see --help",
      ];
    }
    return [`no Python file was scanned in ${ctx.paths.join(", ")} (check the paths, --exclude patterns and ignore rules; --no-ignore includes ignored files)`];
  }
  const sites = report.files.reduce((n, f) => n + f.sites.length, 0);
  const toolkit = environment?.paddledetection;
  if (sites > 0 || ctx.files.length === 0 || ctx.files.length !== ctx.paths.length || !toolkit || toolkit.kind === "none" || !toolkit.base) return [];
  const name = toolkit.toolkit ?? TOOLKITS[toolkit.kind].name;
  const root = path.relative(ctx.cwd, toolkit.base) || ".";
  const where = toolkit.kind === "paddledetection" || toolkit.kind === "rtdetr" ? " (ppdet/engine/trainer.py and its siblings)" : "";
  return [
    `${ctx.files.join(", ")} ${ctx.files.length === 1 ? "holds" : "hold"} no paddle.jit.to_static call; ${name}'s export calls live in its ${TOOLKITS[toolkit.kind].pkg}/ package${where}: run on the checkout root: ${ctx.command} ${shellQuote(root)}`,
  ];
}
