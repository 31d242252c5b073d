import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";

/** How many leading bytes of a file identify its content. */
export const HEAD_BYTES = 256;

/**
 * The first bytes of a file as read so far (up to {@link HEAD_BYTES}). An append-only log
 * never changes them, so a difference means the file was truncated and rewritten, or that
 * an inode number was reused by another file.
 */
export class HeadPrint {
  private readonly bytes = Buffer.alloc(HEAD_BYTES);
  /** Where {@link matches} reads the head again (it runs before every read of a busy log). */
  private readonly scratch = Buffer.alloc(HEAD_BYTES);
  private size = 0;
  private digest: string | undefined;

  /** Bytes known. */
  get length(): number {
    return this.size;
  }

  /** Forgets everything (the file is read again from 0). */
  reset(): void {
    this.size = 0;
    this.digest = undefined;
  }

  /** Records `count` bytes of `chunk[from...]` read at file offset `position`. */
  observe(chunk: Buffer, from: number, count: number, position: number): void {
    if (position > this.size || this.size === HEAD_BYTES) return;
    const skip = this.size - position;
    const take = Math.min(count - skip, HEAD_BYTES - this.size);
    if (take <= 0) return;
    chunk.copy(this.bytes, this.size, from + skip, from + skip + take);
    this.size += take;
    this.digest = undefined;
  }

  /** Reads the head of a file whose first `available` bytes exist.
   *  @throws the read error */
  async load(handle: FileHandle, available: number): Promise<void> {
    this.reset();
    const wanted = Math.min(available, HEAD_BYTES);
    const { bytesRead } = await handle.read(this.bytes, 0, wanted, 0);
    this.size = bytesRead;
  }

  /** SHA-256 (hex) of the known bytes. */
  sha256(): string {
    this.digest ??= createHash("sha256").update(this.bytes.subarray(0, this.size)).digest("hex");
    return this.digest;
  }

  /** Whether the file still starts with the known bytes.
   *  @throws the read error */
  async matches(handle: FileHandle): Promise<boolean> {
    if (this.size === 0) return true;
    const { bytesRead } = await handle.read(this.scratch, 0, this.size, 0);
    return (
      bytesRead === this.size && this.scratch.compare(this.bytes, 0, this.size, 0, this.size) === 0
    );
  }
}

/** Whether the file starts with `length` bytes hashing to `sha256`.
 *  @throws the read error */
export async function headMatches(
  handle: FileHandle,
  length: number,
  sha256: string,
): Promise<boolean> {
  const bytes = Buffer.alloc(Math.min(length, HEAD_BYTES));
  const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
  if (bytesRead !== length) return false;
  return createHash("sha256").update(bytes).digest("hex") === sha256;
}
