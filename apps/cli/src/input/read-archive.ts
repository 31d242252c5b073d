import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { pipeline, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { UsageError } from "@spoor/errors";
import { READ_CHUNK_BYTES } from "./open-inputs.js";

/** An opened log archive: its identity and its decompressed bytes. */
export interface Archive {
  dev: number;
  ino: number;
  /** Size on disk (compressed size for a gzip file). */
  size: number;
  gzip: boolean;
  /** Decompressed chunks; `onRead` reports the bytes read from disk so far. */
  chunks(onRead: (bytesRead: number) => void): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

const GZIP_MAGIC = [0x1f, 0x8b];

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  ELOOP: "is a symbolic link",
};

/**
 * Opens a rotated log (`archive/access_log-MM-YYYY.gz` or a plain file; gzip is recognised
 * by its magic bytes, and every member of a multi-member file is read), refusing symbolic
 * links and non-files. Throws UsageError when the file cannot be opened; the chunks throw
 * UsageError for corrupt gzip data.
 */
export async function openArchive(path: string): Promise<Archive> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = REASONS[code] ?? (error as Error).message;
    throw new UsageError(`cannot read ${path}: ${reason}`);
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new UsageError(`cannot read ${path}: not a regular file`);
  }
  const head = Buffer.alloc(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0);
  const gzip = bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  return {
    dev: stats.dev,
    ino: stats.ino,
    size: stats.size,
    gzip,
    chunks: (onRead) => decompressed(handle, path, gzip, onRead),
    close: () => handle.close(),
  };
}

async function* decompressed(
  handle: FileHandle,
  path: string,
  gzip: boolean,
  onRead: (bytesRead: number) => void,
): AsyncGenerator<Buffer> {
  const raw = handle.createReadStream({
    start: 0,
    highWaterMark: READ_CHUNK_BYTES,
    autoClose: false,
  });
  let bytesRead = 0;
  const count = (chunk: Buffer): Buffer => {
    bytesRead += chunk.length;
    onRead(bytesRead);
    return chunk;
  };
  if (!gzip) {
    for await (const chunk of raw) yield count(chunk as Buffer);
    return;
  }
  const counter = new Transform({
    transform: (chunk, _encoding, done) => done(null, count(chunk)),
  });
  const gunzip = pipeline(raw, counter, createGunzip({ chunkSize: READ_CHUNK_BYTES }), () => {});
  try {
    yield* gunzip as AsyncIterable<Buffer>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith("Z_")) {
      throw new UsageError(`cannot read ${path}: corrupt gzip data (${(error as Error).message})`);
    }
    throw error;
  } finally {
    gunzip.destroy();
  }
}
