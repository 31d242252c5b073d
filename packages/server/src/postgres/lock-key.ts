import { createHash } from "node:crypto";

/**
 * The advisory-lock key of a lock name: the first 8 bytes of its SHA-256 as a signed
 * 64-bit integer, in decimal (what `pg_advisory_xact_lock(bigint)` takes). Two names
 * sharing a key only serialize more than needed. Never throws.
 */
export function lockKey(name: string): string {
  return createHash("sha256").update(name, "utf8").digest().readBigInt64BE(0).toString();
}
