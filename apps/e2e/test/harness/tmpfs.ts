import { execFile } from "node:child_process";
import { open, unlink } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A small tmpfs mounted for a test, and how to fill and free it. */
export interface SmallFilesystem {
  path: string;
  /** Writes a filler file until the filesystem is full; resolves with the bytes written. */
  fill(): Promise<number>;
  /** Removes the filler. */
  free(): Promise<void>;
  /** Lazily unmounts (works while files are still open). */
  unmount(): Promise<void>;
}

/**
 * Mounts a `sizeKiB` tmpfs (mode 0700) at `path`, which must exist and be empty.
 * @returns the filesystem, or the reason it cannot be mounted here (`mount` needs root with
 * CAP_SYS_ADMIN: a container without it, or a non-root CI user, gets EPERM).
 */
export async function mountSmallTmpfs(
  path: string,
  sizeKiB: number,
): Promise<SmallFilesystem | { unavailable: string }> {
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${sizeKiB}k,mode=0700`, "tmpfs", path]);
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return { unavailable: (stderr || message).trim() };
  }
  const filler = join(path, "filler");
  return {
    path,
    async fill() {
      const handle = await open(filler, "a", 0o600);
      const chunk = Buffer.alloc(16 * 1024, 0x78);
      let written = 0;
      try {
        for (;;) {
          written += (await handle.write(chunk)).bytesWritten;
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      } finally {
        await handle.close();
      }
      return written;
    },
    free: () => unlink(filler),
    async unmount() {
      await run("umount", ["-l", path]);
    },
  };
}
