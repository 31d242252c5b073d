import type { Readable } from "node:stream";
import { UserFacingError } from "@spoor/config";

const MAX_SECRET_BYTES = 64 * 1024;

/**
 * Reads a secret from a stream (`--api-secret-stdin`): everything up to the end, without
 * one trailing newline (`\n` or `\r\n`), at most 64 KiB.
 * @throws UserFacingError when the input is larger (the message never holds the input).
 */
export async function readSecretInput(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_SECRET_BYTES) {
      throw new UserFacingError(
        `The secret on stdin is larger than ${MAX_SECRET_BYTES} bytes.`,
        'pipe in only the secret, e.g. printf %s "$SECRET" | spoor install --api-secret-stdin …',
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
