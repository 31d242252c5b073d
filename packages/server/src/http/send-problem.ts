import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpProblem } from "./http-problem.js";
import { sendJson } from "./send-json.js";

/**
 * Answers a failure as JSON `{"error":…}`: an HttpProblem with its status and headers,
 * anything else as 500 `internal error`. A refused request whose body was not read has its
 * connection closed rather than drained. @returns the status and the detail to log. Never throws.
 */
export function sendProblem(
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
  headers: Readonly<Record<string, string>> = {},
): { status: number; problem: string } {
  const problem = error instanceof HttpProblem ? error : new HttpProblem(500, "internal error");
  const all: Record<string, string> = { ...headers, ...problem.headers };
  const length = request.headers["content-length"];
  const hasBody =
    request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
  if (problem.closeConnection || (hasBody && !request.complete)) all.Connection = "close";
  if (!response.headersSent) sendJson(response, problem.status, { error: problem.message }, all);
  return {
    status: problem.status,
    problem: error instanceof HttpProblem ? error.message : String(error),
  };
}
