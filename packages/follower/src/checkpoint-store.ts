import { constants, promises as fsp } from "node:fs";
import { join } from "node:path";
import { TEMP_SUFFIX, writeFileAtomic } from "./atomic-write.js";
import { parseCheckpoint, serializeCheckpoint } from "./checkpoint-codec.js";
import { CheckpointError } from "./checkpoint-error.js";
import { checkStateDirectory } from "./state-directory.js";
import type { Checkpoint, CheckpointStore } from "./types.js";

/** Options of {@link createCheckpointStore}. */
export interface CheckpointStoreOptions {
  /** Uid the state directory and checkpoint files must belong to (default: effective uid). */
  owner?: number;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const MAX_BYTES = 64 * 1024;
const STALE_TEMP_MS = 60_000;

/**
 * Checkpoints as `<stateDir>/<name>.checkpoint.json` (mode 0600, atomic replace). The state
 * directory is created 0700 if missing; it must be a real directory owned by `owner` and
 * not writable by group or others. Temp files left by a crash are removed by `load`.
 * Methods throw CheckpointError ("bad-name", unsafe directory or file, "bad-json"…).
 */
export function createCheckpointStore(
  stateDir: string,
  options: CheckpointStoreOptions = {},
): CheckpointStore {
  const owner = options.owner ?? process.geteuid?.() ?? 0;
  const fileName = (name: string): string => {
    if (!NAME.test(name)) {
      throw new CheckpointError(join(stateDir, name), "bad-name", "use letters, digits, _ and -");
    }
    return `${name}.checkpoint.json`;
  };

  return {
    async load(name) {
      const file = fileName(name);
      await checkStateDirectory(stateDir, owner);
      await removeStaleTemps(stateDir, file);
      return readCheckpoint(join(stateDir, file), owner);
    },
    async save(name, checkpoint) {
      const file = fileName(name);
      await checkStateDirectory(stateDir, owner);
      await writeFileAtomic(stateDir, file, serializeCheckpoint(checkpoint));
    },
  };
}

async function readCheckpoint(path: string, owner: number): Promise<Checkpoint | undefined> {
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") throw new CheckpointError(path, "symlink", "remove the symlink");
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new CheckpointError(path, "not-a-file", "remove it");
    if (stat.uid !== owner) {
      throw new CheckpointError(path, "foreign-owner", `chown it to uid ${owner} or remove it`);
    }
    if (stat.size > MAX_BYTES) throw new CheckpointError(path, "too-large", "remove it");
    const buffer = Buffer.alloc(MAX_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_BYTES) throw new CheckpointError(path, "too-large", "remove it");
    return parseCheckpoint(buffer.toString("utf8", 0, bytesRead), path);
  } finally {
    await handle.close();
  }
}

async function removeStaleTemps(dir: string, file: string): Promise<void> {
  const names = await fsp.readdir(dir);
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of names) {
    if (!name.startsWith(`${file}.`) || !name.endsWith(TEMP_SUFFIX)) continue;
    const path = join(dir, name);
    const stat = await fsp.lstat(path).catch(() => undefined);
    if (stat?.isFile() && stat.mtimeMs < cutoff) await fsp.rm(path, { force: true });
  }
}
