import { HttpProblem } from "../http/http-problem.js";
import { readJsonBody } from "../ingest/read-json-body.js";
import { validateHeartbeat } from "../ingest/validate-heartbeat.js";
import { type Handler, requireRole } from "./route-context.js";

/** `POST /api/heartbeats` (reporter, for a host its glob allows): 202 `{"status":"accepted"}`. */
export const postHeartbeat: Handler = async (context, { request, principal }) => {
  requireRole(principal, "reporter");
  const heartbeat = validateHeartbeat(
    (await readJsonBody(request, Math.min(context.maxBodyBytes, 64 * 1024))).document,
  );
  if (!principal.allowsHost(heartbeat.host)) {
    throw new HttpProblem(403, "this credential may not report for this host");
  }
  await context.recordHeartbeat(heartbeat.host, heartbeat);
  return { status: 202, body: { status: "accepted" } };
};
