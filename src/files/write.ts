// Atomic replacement of one file: the new bytes go to a fresh temporary file
// in the same folder (created exclusively, never through a link), are flushed
// to disk, get the original's mode bits (and owner, when we may set it), and
// are renamed over the original only if the original still holds the bytes
// we read. Any failure removes the temporary file and leaves the original as
// it was: every file is either wholly old or wholly new.
//
// The temporary file's name carries this process's id (temp-name.ts), so a
// later run can remove one a killed run left behind without touching one a
// live run is still writing (temp-files.ts).
//
// The one window left is between the last content check and the rename (a
// few system calls); an editor saving in exactly that instant loses to us.
import { constants, type Stats } from "node:fs";
import path from "node:path";
import { describeFsError, nodeFs, NotRegularFileError, O, readRegularFile, type FsLayer } from "./fs-layer.js";

// Loaded at the first write: a check or a dry run never needs it (issue 16, start-up).
const crypto = () => process.getBuiltinModule("node:crypto");
import { tempName } from "./temp-name.js";

/** The file changed (or vanished, or stopped being a regular file) since it was read. */
export class ChangedOnDiskError extends Error {}
/** The file may not be written: read-only, or the folder refuses a new file. */
export class WriteError extends Error {}

export function contentHash(bytes: Buffer): string {
  return crypto().createHash("sha256").update(bytes).digest("hex");
}

export interface ReadState {
  /** sha256 of the bytes the new contents were computed from. */
  hash: string;
  /** The stat taken when they were read. */
  stat: Stats;
}

export async function replaceFile(file: string, bytes: Buffer, read: ReadState, layer: FsLayer = nodeFs): Promise<void> {
  await assertWritable(layer, file, read.stat);
  const dir = path.dirname(file);
  const tmp = path.join(dir, tempName(path.basename(file), process.pid, crypto().randomBytes(6).toString("hex")));
  const handle = await layer.open(tmp, O.createTemp, 0o600).catch((error: unknown) => {
    throw new WriteError(`cannot create a temporary file next to it: ${describeFsError(error)}; left alone`);
  });
  let renamed = false;
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const current = await currentState(layer, file);
    if (current.hash !== read.hash) throw new ChangedOnDiskError("changed on disk while the tool ran; left alone");
    await keepOwnerAndMode(layer, tmp, current.stat);
    await layer.rename(tmp, file);
    renamed = true;
  } catch (error) {
    if (error instanceof ChangedOnDiskError || error instanceof WriteError) throw error;
    throw new WriteError(`cannot write: ${describeFsError(error)}; left alone`);
  } finally {
    if (!renamed) await layer.unlink(tmp).catch(() => undefined);
  }
  await syncFolder(layer, dir);
}

/** A file without any write bit is read-only on purpose, even to root. */
async function assertWritable(layer: FsLayer, file: string, stat: Stats): Promise<void> {
  const readOnly = (stat.mode & 0o222) === 0 || (await layer.access(file, constants.W_OK).then(() => false, () => true));
  if (readOnly) throw new WriteError("read-only file; left alone");
}

async function currentState(layer: FsLayer, file: string): Promise<ReadState> {
  try {
    const { bytes, stat } = await readRegularFile(layer, file, Number.MAX_SAFE_INTEGER);
    return { hash: contentHash(bytes), stat };
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new ChangedOnDiskError(`replaced on disk by a ${error.kind} while the tool ran; left alone`);
    throw new ChangedOnDiskError(`changed on disk while the tool ran (${describeFsError(error)}); left alone`);
  }
}

async function keepOwnerAndMode(layer: FsLayer, tmp: string, stat: Stats): Promise<void> {
  // Root (or a file owned by another group of ours) would otherwise hand the file to us.
  if (typeof process.getuid === "function" && (stat.uid !== process.getuid() || stat.gid !== process.getgid!())) {
    await layer.chown(tmp, stat.uid, stat.gid).catch(() => undefined);
  }
  // After chown, which may clear set-id bits.
  await layer.chmod(tmp, stat.mode & 0o7777);
}

/** Makes the rename itself durable; some filesystems cannot, which is fine. */
async function syncFolder(layer: FsLayer, dir: string): Promise<void> {
  try {
    const handle = await layer.open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here
  }
}
