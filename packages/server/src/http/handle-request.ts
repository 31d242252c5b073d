import type { IncomingMessage, ServerResponse } from "node:http";
import type { RouteContext } from "../api/route-context.js";
import { matchRoute, ROUTES } from "../api/routes.js";
import type { BasicAuthCheck } from "../auth/check-basic-auth.js";
import { HttpProblem } from "./http-problem.js";
import { sendJson } from "./send-json.js";

/** What the request log line records (never headers or bodies). */
export interface RequestOutcome {
  status: number;
  identifier?: string;
  /** The reason of a refusal or the error of a failure. */
  problem?: string;
}

/**
 * Routes one request: 404 for an unknown path, 405 (with `Allow`) for a wrong method, 401
 * without valid Basic auth, 403 for a credential without the role or host, then the
 * endpoint. Every failure becomes a JSON error body `{"error": "…"}`; an unexpected one a
 * 500. Never throws.
 */
export async function handleRequest(
  context: RouteContext & { checkAuth: BasicAuthCheck },
  request: IncomingMessage,
  response: ServerResponse,
): Promise<RequestOutcome> {
  const target = request.url ?? "";
  const question = target.indexOf("?");
  const path = question === -1 ? target : target.slice(0, question);
  const query = question === -1 ? "" : target.slice(question + 1);
  let identifier: string | undefined;
  try {
    const route = matchRoute(path);
    if (route === undefined) throw new HttpProblem(404, "no such endpoint");
    const methods = ROUTES[route.pattern]!;
    const handler = Object.hasOwn(methods, request.method ?? "")
      ? methods[request.method!]
      : undefined;
    if (handler === undefined) {
      throw new HttpProblem(405, `${request.method} is not allowed here`, {
        headers: { Allow: Object.keys(methods).join(", ") },
      });
    }
    const principal = await context.checkAuth(request.headers.authorization);
    identifier = principal.identifier;
    const answer = await handler(context, { request, query, principal, id: route.id });
    sendJson(response, answer.status, answer.body);
    return { status: answer.status, identifier };
  } catch (error) {
    const problem = error instanceof HttpProblem ? error : new HttpProblem(500, "internal error");
    const headers: Record<string, string> = { ...problem.headers };
    // A refused request whose body was not read: close rather than drain an unwanted upload.
    const length = request.headers["content-length"];
    const hasBody =
      request.headers["transfer-encoding"] !== undefined ||
      (length !== undefined && length !== "0");
    if (problem.closeConnection || (hasBody && !request.complete)) headers.Connection = "close";
    if (!response.headersSent)
      sendJson(response, problem.status, { error: problem.message }, headers);
    const detail = error instanceof HttpProblem ? error.message : String(error);
    return { status: problem.status, problem: detail, ...(identifier ? { identifier } : {}) };
  }
}
