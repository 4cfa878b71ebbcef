// `--installed`: the toolkit folders of an interpreter stand in for the
// paths; after a write, RECORD's hashes are compared again.
import { detectEnvironment, installedFolders, recordMismatches } from "../detect/index.js";
import { UserError, type Environment, type FileReport, type InstalledToolkits, type Report } from "../model.js";
import { TOOLKIT_DISTRIBUTIONS } from "../detect/metadata.js";
import { plural } from "../report/words.js";

export interface InstalledTarget {
  environment: Environment;
  installed: InstalledToolkits;
  folders: string[];
}

/** Asks the interpreter (--python, else the active one) for its toolkits; a usage error when none is installed. */
export async function installedTarget(opts: { python?: string; paddleVersion?: string }): Promise<InstalledTarget> {
  const environment = await detectEnvironment({ root: process.cwd(), python: opts.python, paddleVersion: opts.paddleVersion, installed: true });
  const installed = environment.installed!;
  const folders = installedFolders(installed);
  if (!folders.length) {
    const found = installed.distributions.map((d) => `${d.name} ${d.version} (its files are not in ${d.location})`);
    throw new UserError(
      `--installed: ${found.length ? found.join(", ") : `no ${TOOLKIT_DISTRIBUTIONS.join(", ")} is installed`} for ${installed.python}` +
        ` (searched ${installed.sitePackages.join(", ") || "no site folder"}); name the interpreter the export runs with: --installed --python PATH`,
    );
  }
  return { environment, installed, folders };
}

/** After a write run (fix or revert), what RECORD says of each installed distribution. */
export async function withRecordCheck(report: Report, installed: InstalledToolkits): Promise<Report> {
  if (report.mode !== "write") return { ...report, installed };
  const distributions = await Promise.all(installed.distributions.map(async (d) => (d.record ? { ...d, recordMismatches: await recordMismatches(d) } : d)));
  return { ...report, installed: { ...installed, distributions } };
}

/**
 * Files that could not be written in an installed toolkit: a folder this
 * user does not own (a system site-packages) or a read-only image.
 */
export function unwritableHint(report: Report, installed: InstalledToolkits): string | null {
  const failed: FileReport[] = report.files.filter((f) => f.code === "file/write-failed");
  if (!failed.length) return null;
  const undo = installed.distributions
    .filter((d) => d.record)
    .map((d) => `pip install --force-reinstall --no-deps ${d.name}==${d.version}`)
    .join(" or ");
  return (
    `${plural(failed.length, "file")} of the installed toolkit could not be written (listed above), nothing half-written: ` +
    `fix a copy you own instead, in a virtual environment (python -m venv ENV; ENV/bin/pip install the toolkit; then --installed --python ENV/bin/python), ` +
    `or run as the folder's owner` +
    (report.files.some((f) => f.status === "changed") ? `; to undo the files that were written: --revert --installed${undo ? `, or ${undo}` : ""}` : "")
  );
}
