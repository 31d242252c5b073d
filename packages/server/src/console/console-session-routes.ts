import type { IncomingMessage } from "node:http";
import { HttpProblem } from "../http/http-problem.js";
import { readJsonBody } from "../ingest/read-json-body.js";
import type { ServerLogger } from "../server-logger.js";
import { type ConsoleAuth, requireCsrf, sessionOf } from "./console-auth.js";
import { LOGIN_COOKIE, readCookie, SESSION_COOKIE, setCookie, tokensMatch } from "./cookies.js";
import { randomToken } from "./session-store.js";

/** What the session endpoint needs besides authentication. */
export interface SessionRouteOptions extends ConsoleAuth {
  /** Set the cookies `Secure` (served over TLS, or `public_url` is https). */
  secure: boolean;
  /** Max-Age of the session cookie (the absolute lifetime). */
  sessionSeconds: number;
  logger: ServerLogger;
}

/** An answer of the session endpoint. */
export interface SessionAnswer {
  status: number;
  body: unknown;
  cookies: string[];
  identifier?: string;
}

function field(document: Record<string, unknown>, name: string, max: number): string {
  const value = document[name];
  if (typeof value !== "string" || value === "" || value.length > max) {
    throw new HttpProblem(400, `${name} must be a non-empty string of at most ${max} characters`);
  }
  return value;
}

/**
 * `/console/session`. GET: the session (`{signed_in:true, identifier, csrf_token}`) or, signed
 * out, a sign-in token set as a cookie too (`{signed_in:false, csrf_token}`). POST
 * `{identifier, secret}` with that token in `X-CSRF-Token`: signs in an analyst credential.
 * DELETE with the session's token: signs out.
 *
 * @throws HttpProblem 400 (body), 401 (wrong identifier or secret), 403 (no or wrong CSRF
 *   token; a credential without the analyst role), 405, and readJsonBody's refusals.
 */
export async function sessionRoute(
  options: SessionRouteOptions,
  request: IncomingMessage,
): Promise<SessionAnswer> {
  const cookie = (name: string, value: string, path: string, seconds: number) =>
    setCookie(name, value, { path, maxAgeSeconds: seconds, secure: options.secure });
  const found = await sessionOf(options, request);
  switch (request.method) {
    case "GET": {
      if (found !== undefined) {
        const { identifier, csrfToken } = found.session;
        return {
          status: 200,
          body: { signed_in: true, identifier, csrf_token: csrfToken },
          cookies: [],
        };
      }
      const token = randomToken();
      return {
        status: 200,
        body: { signed_in: false, csrf_token: token },
        cookies: [cookie(LOGIN_COOKIE, token, "/console/session", 3600)],
      };
    }
    case "POST": {
      if (!tokensMatch(request.headers["x-csrf-token"], readCookie(request, LOGIN_COOKIE))) {
        throw new HttpProblem(403, "signing in needs the sign-in token in X-CSRF-Token");
      }
      const { document } = await readJsonBody(request, 8 * 1024);
      if (typeof document !== "object" || document === null || Array.isArray(document)) {
        throw new HttpProblem(400, "the body must be a JSON object");
      }
      const body = document as Record<string, unknown>;
      const identifier = field(body, "identifier", 256);
      const secret = field(body, "secret", 1024);
      if (identifier.includes(":"))
        throw new HttpProblem(401, "unknown identifier or wrong secret");
      const basic = `Basic ${Buffer.from(`${identifier}:${secret}`, "utf8").toString("base64")}`;
      const principal = await options.checkAuth(basic).catch(() => {
        options.logger.warn("console sign-in refused", { reason: "wrong identifier or secret" });
        throw new HttpProblem(401, "unknown identifier or wrong secret");
      });
      if (!principal.roles.includes("analyst")) {
        throw new HttpProblem(403, "only an analyst credential may sign in to the console");
      }
      if (found !== undefined) options.sessions.remove(found.id);
      // The Basic check gives a `--credentials` pair both roles and a database credential
      // its one: only the latter is looked up again (revocation) while the session lives.
      const fromPair = principal.roles.length > 1;
      const { id, session } = options.sessions.create(principal.identifier, fromPair);
      options.logger.info("console sign-in", { identifier: principal.identifier });
      return {
        status: 200,
        body: { signed_in: true, identifier: session.identifier, csrf_token: session.csrfToken },
        cookies: [
          cookie(SESSION_COOKIE, id, "/", options.sessionSeconds),
          cookie(LOGIN_COOKIE, "", "/console/session", 0),
        ],
        identifier: principal.identifier,
      };
    }
    case "DELETE": {
      if (found === undefined) throw new HttpProblem(401, "not signed in");
      requireCsrf(request, found.session.csrfToken);
      options.sessions.remove(found.id);
      return {
        status: 200,
        body: { signed_in: false },
        cookies: [cookie(SESSION_COOKIE, "", "/", 0)],
        identifier: found.session.identifier,
      };
    }
    default:
      throw new HttpProblem(405, `${request.method} is not allowed here`, {
        headers: { Allow: "GET, POST, DELETE" },
      });
  }
}
