import { BrokenPipeError } from "./broken-pipe-error.js";

/** A buffered text sink that honours back-pressure. */
export interface LineWriter {
  /** Queues `text`; resolves at once unless the buffer was handed on and the stream is full.
   *  Throws BrokenPipeError once the reader has gone away. */
  write(text: string): Promise<void> | undefined;
  /** Hands on whatever is buffered and waits until the stream accepts it. Throws BrokenPipeError. */
  flush(): Promise<void>;
}

const DEFAULT_BUFFER_CHARS = 64 * 1024;

/**
 * Wraps `stream` (usually stdout) in a writer that gathers small writes into ~64 KiB blocks
 * and awaits 'drain' when the stream is full. An EPIPE from the stream becomes a
 * BrokenPipeError on the next write or flush instead of an unhandled 'error' event.
 */
export function createLineWriter(
  stream: NodeJS.WritableStream,
  bufferChars = DEFAULT_BUFFER_CHARS,
): LineWriter {
  let parts: string[] = [];
  let size = 0;
  let broken: Error | undefined;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    broken = error.code === "EPIPE" ? new BrokenPipeError("output closed") : error;
  });

  async function handOn(): Promise<void> {
    if (broken) throw broken;
    if (size === 0) return;
    const text = parts.join("");
    parts = [];
    size = 0;
    if (!stream.write(text)) await waitForDrain(stream, () => broken);
    if (broken) throw broken;
  }

  return {
    write(text) {
      parts.push(text);
      size += text.length;
      return size >= bufferChars ? handOn() : undefined;
    },
    flush: handOn,
  };
}

function waitForDrain(
  stream: NodeJS.WritableStream,
  failure: () => Error | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("error", done);
      stream.off("close", done);
      const error = failure();
      if (error) reject(error);
      else resolve();
    };
    stream.on("drain", done);
    stream.on("error", done);
    stream.on("close", done);
  });
}
