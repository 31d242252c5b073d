import type { FileHandle } from "node:fs/promises";
import { HeadPrint } from "./head-print.js";
import type { ReadAt } from "./line-reader.js";
import type { Checkpoint, FileIdentity } from "./types.js";

/** One open log file: its descriptor, identity, name and read history. */
export class LogSource {
  readonly head = new HeadPrint();
  /** When the file was seen to have left the path (renamed or deleted). */
  detachedAt: number | undefined;
  /** When a read last returned data. */
  lastDataAt = Date.now();

  /**
   * @param path where the file is (its rotated name once known)
   * @param startOffset where reading starts
   * @param skipping whether reading starts inside an over-long line
   */
  constructor(
    readonly handle: FileHandle,
    readonly file: FileIdentity,
    public path: string,
    readonly startOffset: number,
    readonly skipping = false,
  ) {}

  /** Positional read that also records data arrival and the file's first bytes.
   *  @throws the read error */
  readonly read: ReadAt = async (buffer, offset, length, position) => {
    const { bytesRead } = await this.handle.read(buffer, offset, length, position);
    if (bytesRead > 0) {
      this.lastDataAt = Date.now();
      this.head.observe(buffer, offset, bytesRead, position);
    }
    return bytesRead;
  };

  /** A checkpoint at `offset` in this file. */
  checkpointAt(offset: number): Checkpoint {
    const checkpoint: Checkpoint = {
      path: this.path,
      dev: this.file.dev,
      ino: this.file.ino,
      offset,
      updatedAt: new Date().toISOString(),
    };
    if (this.head.length > 0) {
      checkpoint.headLength = this.head.length;
      checkpoint.headSha256 = this.head.sha256();
    }
    return checkpoint;
  }

  /** Closes the descriptor; never throws. */
  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
