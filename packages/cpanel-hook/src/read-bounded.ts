import type { Readable } from "node:stream";

/** What reading a bounded input gave. */
export type BoundedRead =
  | { kind: "complete"; bytes: Buffer }
  | { kind: "too-large" | "timeout" | "read-error" };

/** Limits of {@link readBounded}. */
export interface ReadBoundedOptions {
  /** More bytes than this: stop reading, destroy the stream, `too-large`. */
  maxBytes: number;
  /** No end within this many ms: destroy the stream, `timeout`. */
  timeoutMs: number;
}

/**
 * Reads `stream` to its end, keeping at most `maxBytes`: on the first byte beyond, it stops
 * reading at once (the rest is never buffered). Never throws or rejects: errors and the
 * timeout are results.
 */
export function readBounded(stream: Readable, options: ReadBoundedOptions): Promise<BoundedRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BoundedRead, destroy: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stream.removeListener("data", onData);
      if (destroy) stream.destroy();
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > options.maxBytes) finish({ kind: "too-large" }, true);
      else chunks.push(bytes);
    };
    const timer = setTimeout(() => finish({ kind: "timeout" }, true), options.timeoutMs);
    stream.on("data", onData);
    stream.once("end", () =>
      finish({ kind: "complete", bytes: Buffer.concat(chunks, size) }, false),
    );
    // Stays attached after settling: a late error (EPIPE after destroy) must not go unhandled.
    stream.on("error", () => finish({ kind: "read-error" }, true));
  });
}
