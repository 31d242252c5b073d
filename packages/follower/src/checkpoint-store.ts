import { promises as fsp } from "node:fs";
import { join } from "node:path";
import { openRegularFile, RefusedFileError, readBounded, writeFileAtomic } from "@spoor/safe-file";
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
/** Suffix of the temp files a save renames into place (`<file>.<hex>.tmp`). */
const TEMP_SUFFIX = ".tmp";

/**
 * Checkpoints as `<stateDir>/<name>.checkpoint.json` (mode 0600, atomic replace). The state
 * directory is created 0700 if missing; it must be a real directory owned by `owner` with
 * mode exactly 0700 (the owned-directory check of @spoor/safe-file). Temp files left by a crash are removed by `load`.
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
      await writeFileAtomic(join(stateDir, file), serializeCheckpoint(checkpoint), {
        tempName: (target, tag) => `${target}.${tag}${TEMP_SUFFIX}`,
      });
    },
  };
}

async function readCheckpoint(path: string, owner: number): Promise<Checkpoint | undefined> {
  let opened: Awaited<ReturnType<typeof openRegularFile>>;
  try {
    opened = await openRegularFile(path, { owner });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    if (!(error instanceof RefusedFileError)) throw error;
    if (error.reason === "symlink")
      throw new CheckpointError(path, "symlink", "remove the symlink");
    if (error.reason === "foreign-owner") {
      throw new CheckpointError(path, "foreign-owner", `chown it to uid ${owner} or remove it`);
    }
    throw new CheckpointError(path, "not-a-file", "remove it");
  }
  const { handle, stats } = opened;
  try {
    if (stats.size > MAX_BYTES) throw new CheckpointError(path, "too-large", "remove it");
    const bytes = await readBounded(handle, MAX_BYTES);
    if (bytes === undefined) throw new CheckpointError(path, "too-large", "remove it");
    return parseCheckpoint(bytes.toString("utf8"), path);
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
