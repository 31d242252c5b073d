import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConsoleAssets, ConsoleFile } from "@spoor/console";
import type { RequestOutcome } from "../http/handle-request.js";
import { HttpProblem } from "../http/http-problem.js";
import { sendJson } from "../http/send-json.js";
import { sendProblem } from "../http/send-problem.js";
import { type SessionRouteOptions, sessionRoute } from "./console-session-routes.js";
import { SECURITY_HEADERS } from "./security-headers.js";

/** What the console's routes need. */
export interface ConsoleRouteOptions extends SessionRouteOptions {
  assets: ConsoleAssets;
}

function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: ConsoleFile,
  cacheControl: string,
): number {
  const headers = {
    ...SECURITY_HEADERS,
    "Content-Type": file.contentType,
    "Cache-Control": cacheControl,
    ETag: file.etag,
  };
  if (request.headers["if-none-match"] === file.etag) {
    response.writeHead(304, headers);
    response.end();
    return 304;
  }
  response.writeHead(200, { ...headers, "Content-Length": String(file.body.length) });
  response.end(request.method === "HEAD" ? undefined : file.body);
  return 200;
}

/** True for the paths the console answers: `/`, `/assets/…`, `/console/…`. Never throws. */
export function isConsolePath(path: string): boolean {
  return path === "/" || path.startsWith("/assets/") || path.startsWith("/console/");
}

/**
 * Answers a console path: the HTML shell at `/` (revalidated: `no-cache` + ETag), the hashed
 * assets (`immutable`, a year), and `/console/session`; every answer with the console's
 * Content-Security-Policy, nosniff and no-referrer. Errors are JSON `{"error":…}`. Never throws.
 */
export async function handleConsoleRequest(
  options: ConsoleRouteOptions,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<RequestOutcome> {
  let identifier: string | undefined;
  try {
    if (path === "/console/session") {
      const answer = await sessionRoute(options, request);
      identifier = answer.identifier;
      if (answer.cookies.length) response.setHeader("Set-Cookie", answer.cookies);
      sendJson(response, answer.status, answer.body, SECURITY_HEADERS);
      return { status: answer.status, ...(identifier ? { identifier } : {}) };
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      throw new HttpProblem(405, `${request.method} is not allowed here`, {
        headers: { Allow: "GET, HEAD" },
      });
    }
    if (path === "/") {
      return { status: sendFile(request, response, options.assets.html, "no-cache") };
    }
    const asset = options.assets.assets.get(path);
    if (asset === undefined) throw new HttpProblem(404, "no such file");
    return {
      status: sendFile(request, response, asset, "public, max-age=31536000, immutable"),
    };
  } catch (error) {
    return {
      ...sendProblem(request, response, error, SECURITY_HEADERS),
      ...(identifier ? { identifier } : {}),
    };
  }
}
