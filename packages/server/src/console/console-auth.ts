import type { IncomingMessage } from "node:http";
import type { BasicAuthCheck } from "../auth/check-basic-auth.js";
import type { CredentialStore } from "../auth/credential-store.js";
import type { Principal } from "../auth/principal.js";
import { HttpProblem } from "../http/http-problem.js";
import { readCookie, SESSION_COOKIE, tokensMatch } from "./cookies.js";
import type { ConsoleSession, SessionStore } from "./session-store.js";

/** Authenticates a request: Basic auth, or the console's session cookie. */
export type RequestAuthenticator = (request: IncomingMessage) => Promise<Principal>;

/** What the console's authentication needs. */
export interface ConsoleAuth {
  sessions: SessionStore;
  credentials: CredentialStore;
  checkAuth: BasicAuthCheck;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * The live session of a request's cookie, or undefined. A database credential is read
 * again on every request: once it is revoked (or no longer an analyst), its sessions end.
 * Never throws.
 */
export async function sessionOf(
  auth: ConsoleAuth,
  request: IncomingMessage,
): Promise<{ id: string; session: ConsoleSession } | undefined> {
  const id = readCookie(request, SESSION_COOKIE);
  if (id === undefined) return undefined;
  const session = auth.sessions.find(id);
  if (session === undefined) return undefined;
  if (!session.fromPair) {
    const credential = await auth.credentials.find(session.identifier);
    if (
      credential === undefined ||
      credential.revoked_at !== null ||
      credential.role !== "analyst"
    ) {
      auth.sessions.remove(id);
      return undefined;
    }
  }
  return { id, session };
}

/**
 * Refuses a change without the session's CSRF token in `X-CSRF-Token`.
 *
 * @throws HttpProblem 403.
 */
export function requireCsrf(request: IncomingMessage, expected: string): void {
  if (!tokensMatch(request.headers["x-csrf-token"], expected)) {
    throw new HttpProblem(403, "a change needs the session's CSRF token in X-CSRF-Token");
  }
}

/**
 * Builds the API's authenticator: an `Authorization` header goes to the Basic check as
 * before; otherwise the session cookie gives an analyst principal, and every method but
 * GET/HEAD must carry the session's CSRF token.
 *
 * The authenticator rejects with HttpProblem 401 (with `WWW-Authenticate`, unless the request
 * came from the console or carried a session cookie: no browser prompt) or 403 (no CSRF token).
 */
export function createRequestAuthenticator(auth: ConsoleAuth): RequestAuthenticator {
  return async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined) return auth.checkAuth(header);
    const found = await sessionOf(auth, request);
    if (found === undefined) {
      if (
        request.headers["x-spoor-console"] !== undefined ||
        request.headers.cookie?.includes(SESSION_COOKIE)
      ) {
        throw new HttpProblem(401, "not signed in, or the session expired: sign in again");
      }
      return auth.checkAuth(undefined);
    }
    if (!SAFE_METHODS.has(request.method ?? "")) requireCsrf(request, found.session.csrfToken);
    return {
      identifier: found.session.identifier,
      roles: ["analyst"],
      allowsHost: () => true,
      hosts: null,
    };
  };
}
