import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { UsageError } from "@spoor/errors";

/** One input of `spoor parse`: a file, or stdin. */
export interface InputSource {
  name: string;
  /** The bytes, in chunks of up to 1 MiB. Throws UsageError when the file cannot be read. */
  chunks(): AsyncIterable<Buffer>;
}

/** Chunk size for reading input files. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Checks that every file can be opened and is not a directory before anything is printed,
 * and returns them as sources read in order (stdin when `files` is empty).
 * Throws UsageError naming the first file that cannot be read.
 */
export async function openInputs(
  files: readonly string[],
  stdin: NodeJS.ReadableStream,
): Promise<InputSource[]> {
  if (files.length === 0) return [{ name: "-", chunks: () => stdin as AsyncIterable<Buffer> }];
  for (const file of files) await checkReadable(file);
  return files.map((file) => ({ name: file, chunks: () => readFileChunks(file) }));
}

async function checkReadable(file: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, "r");
    if ((await handle.stat()).isDirectory()) throw unreadable(file, { code: "EISDIR" });
  } catch (error) {
    throw error instanceof UsageError ? error : unreadable(file, error);
  } finally {
    await handle?.close();
  }
}

async function* readFileChunks(file: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
      yield chunk as Buffer;
    }
  } catch (error) {
    throw unreadable(file, error);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "is a directory",
};

function unreadable(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reason = REASONS[code] ?? (error as Error).message ?? code;
  return new UsageError(`cannot read ${file}: ${reason}`);
}
