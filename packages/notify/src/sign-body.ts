import { createHmac } from "node:crypto";

/**
 * The `X-Spoor-Signature` value of a body: `sha256=<hex HMAC-SHA256 of the raw bytes>`.
 * A receiver recomputes it over the bytes it read and compares in constant time. Never throws.
 */
export function signBody(body: Uint8Array, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
