import { HttpProblem } from "../http/http-problem.js";
import type { Handler } from "./route-context.js";

/**
 * `GET /api/mailbox_events/:id` → the event. A reporter sees only events of the hosts its
 * glob allows (another host's event is a 404, as if it did not exist).
 */
export const getMailboxEvent: Handler = async (context, { principal, id }) => {
  const event = await context.events.json(id!);
  if (event === undefined || !principal.allowsHost(event.host)) {
    throw new HttpProblem(404, "no such mailbox event");
  }
  return { status: 200, body: event };
};
