import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConsoleAssets } from "@spoor/console";
import type { BasicAuthCheck } from "../auth/check-basic-auth.js";
import type { CredentialStore } from "../auth/credential-store.js";
import type { RequestOutcome } from "../http/handle-request.js";
import type { ServerLogger } from "../server-logger.js";
import { createRequestAuthenticator, type RequestAuthenticator } from "./console-auth.js";
import { handleConsoleRequest, isConsolePath } from "./handle-console-request.js";
import { createSessionStore, DEFAULT_ABSOLUTE_MS, type SessionLifetimes } from "./session-store.js";

/** What {@link createConsoleHandler} composes. */
export interface ConsoleHandlerOptions {
  checkAuth: BasicAuthCheck;
  credentials: CredentialStore;
  /** Milliseconds since the epoch. */
  clock(): number;
  logger: ServerLogger;
  assets: ConsoleAssets;
  /** Cookies are `Secure` (TLS here or at a proxy: `public_url` is https). */
  secure: boolean;
  lifetimes: SessionLifetimes;
}

/** The console's part of the server. */
export interface ConsoleHandler {
  /** True for the console's paths (`/`, `/assets/…`, `/console/…`). */
  handles(request: IncomingMessage): boolean;
  /** Answers a console path. Never rejects. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<RequestOutcome>;
  /** The API's authentication: Basic auth, or the session cookie (+ CSRF token for changes). */
  authenticate: RequestAuthenticator;
}

const pathOf = (request: IncomingMessage) => (request.url ?? "").split("?")[0]!;

/**
 * The web console over one server: its session store (in memory), the sign-in endpoint,
 * the static files and the API authenticator that accepts a session. Never throws.
 */
export function createConsoleHandler(options: ConsoleHandlerOptions): ConsoleHandler {
  const sessions = createSessionStore({ clock: options.clock, ...options.lifetimes });
  const auth = { sessions, credentials: options.credentials, checkAuth: options.checkAuth };
  const routes = {
    ...auth,
    assets: options.assets,
    secure: options.secure,
    logger: options.logger,
    sessionSeconds: (options.lifetimes.absoluteMs ?? DEFAULT_ABSOLUTE_MS) / 1000,
  };
  return {
    handles: (request) => isConsolePath(pathOf(request)),
    handle: (request, response) => handleConsoleRequest(routes, request, response, pathOf(request)),
    authenticate: createRequestAuthenticator(auth),
  };
}
