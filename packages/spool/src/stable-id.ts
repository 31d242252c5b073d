import { createHash } from "node:crypto";

/**
 * A stable idempotency key: sha256 over the parts, each prefixed with its kind and byte
 * length (so `("ab","c")` and `("a","bc")` differ), as 32 hex characters. The same parts
 * always give the same id. Never throws.
 */
export function stableId(...parts: Array<string | number | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const bytes =
      typeof part === "string"
        ? Buffer.from(part, "utf8")
        : typeof part === "number"
          ? Buffer.from(String(part), "utf8")
          : part;
    const kind = typeof part === "string" ? "s" : typeof part === "number" ? "n" : "b";
    hash.update(`${kind}${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest("hex").slice(0, 32);
}
