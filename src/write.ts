// Atomic replacement of one file: temp file in the same folder, flushed,
// mode bits kept, renamed over the original only if the original still holds
// the bytes we read.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

export class ChangedOnDiskError extends Error {}

export function contentHash(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function replaceFile(file: string, bytes: Buffer, expectedHash: string): Promise<void> {
  const stat = await fs.stat(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.pfgf-${process.pid}-${Date.now()}.tmp`);
  const handle = await fs.open(tmp, "wx", stat.mode & 0o7777);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.chmod(tmp, stat.mode & 0o7777);
    const current = await fs.readFile(file);
    if (contentHash(current) !== expectedHash) {
      throw new ChangedOnDiskError("changed on disk while the tool ran; left alone");
    }
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
