// Which fixes a run applies: one small step after the analysis, as ruff keeps
// the fixes the user asked for. Safe fixes always, unsafe ones only with
// --all (ruff's --unsafe-fixes), display-only ones never. A traceback
// promotes the sites it traced: their fix applies whatever its class.
import type { Fix } from "../model.js";

export interface FixSelection {
  /** Apply unsafe fixes too (`--all`). */
  unsafe?: boolean;
  /** 1-based lines a traceback led to, with the reason the report gives. */
  promoted?: ReadonlyMap<number, string>;
}

export type Decision = { apply: false } | { apply: true; promotedBecause?: string };

export function selectFix(fix: Fix, line: number, selection: FixSelection): Decision {
  if (fix.applicability === "display-only") return { apply: false };
  const promotedBecause = selection.promoted?.get(line);
  if (promotedBecause) return { apply: true, promotedBecause };
  if (fix.applicability === "unsafe" && !selection.unsafe) return { apply: false };
  return { apply: true };
}
