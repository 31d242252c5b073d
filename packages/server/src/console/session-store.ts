import { createHash, randomBytes } from "node:crypto";

/** A signed-in console user. */
export interface ConsoleSession {
  /** The credential's identifier. */
  identifier: string;
  /** True for a `--credentials` pair (not in the database: nothing to re-check). */
  fromPair: boolean;
  /** The synchronizer token every change must carry in `X-CSRF-Token`. */
  csrfToken: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  lastSeenAt: number;
}

/** Lifetimes and bounds of console sessions. */
export interface SessionLifetimes {
  /** A session unused this long ends (default 30 min). */
  idleMs?: number;
  /** A session ends this long after sign-in, used or not (default 12 h). */
  absoluteMs?: number;
  /** Most live sessions; the oldest goes when a new one would pass it (default 10 000). */
  max?: number;
}

/** Options of {@link createSessionStore}. */
export interface SessionStoreOptions extends SessionLifetimes {
  /** Milliseconds since the epoch. */
  clock(): number;
}

/** The server's console sessions. The store keeps only the SHA-256 of each session id. */
export interface SessionStore {
  /** Starts a session. @returns the id (for the cookie, never stored) and the session. */
  create(identifier: string, fromPair: boolean): { id: string; session: ConsoleSession };
  /** The live session of an id (marking it used), or undefined when unknown or expired. */
  find(id: string): ConsoleSession | undefined;
  /** Ends the session of an id (sign-out). Unknown ids are ignored. */
  remove(id: string): void;
  /** Live sessions, expired ones dropped first. */
  size(): number;
}

/** 32 random bytes, base64url: a session id or a CSRF token. Never throws. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Default idle lifetime: 30 minutes. */
export const DEFAULT_IDLE_MS = 30 * 60_000;
/** Default absolute lifetime: 12 hours. */
export const DEFAULT_ABSOLUTE_MS = 12 * 3_600_000;

const keyOf = (id: string) => createHash("sha256").update(id, "utf8").digest("base64url");

/**
 * An in-memory session store with idle and absolute expiry. Sessions live in the server
 * process: a restart signs everyone out (a fleet behind a load balancer needs sticky
 * routing for the console). Never throws.
 */
export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const absoluteMs = options.absoluteMs ?? DEFAULT_ABSOLUTE_MS;
  const max = options.max ?? 10_000;
  const sessions = new Map<string, ConsoleSession>();
  const expired = (session: ConsoleSession, now: number) =>
    now - session.lastSeenAt >= idleMs || now - session.createdAt >= absoluteMs;
  const sweep = () => {
    const now = options.clock();
    for (const [key, session] of sessions) if (expired(session, now)) sessions.delete(key);
  };
  return {
    create(identifier, fromPair) {
      if (sessions.size >= max) sweep();
      while (sessions.size >= max) sessions.delete(sessions.keys().next().value!);
      const id = randomToken();
      const now = options.clock();
      const session = {
        identifier,
        fromPair,
        csrfToken: randomToken(),
        createdAt: now,
        lastSeenAt: now,
      };
      sessions.set(keyOf(id), session);
      return { id, session };
    },
    find(id) {
      const key = keyOf(id);
      const session = sessions.get(key);
      if (session === undefined) return undefined;
      const now = options.clock();
      if (expired(session, now)) {
        sessions.delete(key);
        return undefined;
      }
      session.lastSeenAt = now;
      return session;
    },
    remove(id) {
      sessions.delete(keyOf(id));
    },
    size() {
      sweep();
      return sessions.size;
    },
  };
}
