// `--installed`: which toolkits were found in the interpreter, the folders
// fixed for each, and (after a write) whether pip's RECORD still matches.
import type { InstalledDistribution, InstalledToolkits, Report } from "../model.js";
import { plural } from "./words.js";

/** The folder as the report shows it: relative to where the distribution is installed. */
function folderName(dist: InstalledDistribution, folder: string): string {
  const inside = folder.startsWith(`${dist.location}/`) ? folder.slice(dist.location.length + 1) : folder;
  return inside.endsWith(".py") ? inside : `${inside}/`;
}

function distributionLine(dist: InstalledDistribution): string {
  const what = `${dist.name} ${dist.version}`;
  if (dist.editable) return `  ${what}: editable install of ${dist.editable}, fixed there`;
  if (!dist.folders.length) return `  ${what}: its files were not found in ${dist.location} (no RECORD, top_level.txt or known package folder); left alone`;
  return `  ${what}: ${dist.folders.map((f) => folderName(dist, f)).join(", ")} in ${dist.location}`;
}

/** After a write run: the RECORD's view of each installed (not editable) distribution. */
function recordLine(dist: InstalledDistribution, revert: boolean): string | null {
  if (!dist.record || dist.recordMismatches === undefined) return null;
  const what = `${dist.name} ${dist.version}`;
  const n = dist.recordMismatches.length;
  if (n === 0) return `  ${what}: every file matches its RECORD${revert ? " again" : ""} (as pip installed it)`;
  return (
    `  ${what}: ${plural(n, "file")} no longer match${n === 1 ? "es" : ""} the hashes in its RECORD (pip check does not look at them); ` +
    `--revert --installed, or pip install --force-reinstall --no-deps ${dist.name}==${dist.version}, restores ${n === 1 ? "it" : "them"}`
  );
}

export function installedLines(installed: InstalledToolkits, report: Pick<Report, "revert">): string[] {
  const records = installed.distributions.map((d) => recordLine(d, Boolean(report.revert))).filter((l) => l !== null);
  return [
    `installed for ${installed.python} (${plural(installed.sitePackages.length, "site folder")}: ${installed.sitePackages.join(", ")}):`,
    ...installed.distributions.map(distributionLine),
    ...records,
  ];
}
