import type { FileHandle } from "node:fs/promises";

/**
 * Where the last line of a file starts, so that following "from the end" never delivers
 * the second half of a line being written: the offset after the last newline within the
 * final `maxLineBytes + 1` bytes. If there is none, the tail is an over-long line:
 * start at the end, skipping up to its newline.
 * @throws the read error
 */
export async function lastLineStart(
  handle: FileHandle,
  size: number,
  maxLineBytes: number,
): Promise<{ offset: number; skipping: boolean }> {
  const window = Math.min(size, maxLineBytes + 1);
  if (window === 0) return { offset: 0, skipping: false };
  const tail = Buffer.alloc(window);
  const { bytesRead } = await handle.read(tail, 0, window, size - window);
  const newline = tail.subarray(0, bytesRead).lastIndexOf(0x0a);
  if (newline >= 0) return { offset: size - window + newline + 1, skipping: false };
  if (window === size && size <= maxLineBytes) return { offset: 0, skipping: false };
  return { offset: size, skipping: true };
}
