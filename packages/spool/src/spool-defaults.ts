/** Entry types a spool accepts: the original's three, session, and the cPanel hook's. */
export const SPOOL_TYPES: readonly string[] = ["access", "error", "login", "session", "hook"];

/** Default back-pressure cap on queued entries. */
export const DEFAULT_MAX_QUEUED_ENTRIES = 100_000;

/** Default retention of transmitted/. */
export const DEFAULT_RETENTION = { maxAgeDays: 30, maxBytes: 256 * 1024 * 1024 } as const;

/** The largest spool file read or written (1 MiB). */
export const MAX_ENTRY_BYTES = 1024 * 1024;
