/** A response body read up to a byte limit. */
export interface BoundedBody {
  bytes: Buffer;
  /** True when the body was longer than the limit (the rest was not read). */
  truncated: boolean;
}

/**
 * Reads at most `maxBytes` of a response body (a Node stream or a web ReadableStream). On
 * overflow it stops reading, which releases (destroys) the underlying stream.
 *
 * @throws whatever the stream throws (a reset connection, an abort).
 */
export async function readBoundedBody(
  body: AsyncIterable<Uint8Array | string> | null,
  maxBytes: number,
): Promise<BoundedBody> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (body === null) return { bytes: Buffer.alloc(0), truncated: false };
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (total + bytes.length > maxBytes) {
      chunks.push(bytes.subarray(0, maxBytes - total));
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(bytes);
    total += bytes.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}
