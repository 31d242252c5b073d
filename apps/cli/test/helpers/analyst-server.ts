import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback stand-in for a spoor server's reads (`GET /api/alerts`, `/api/mailbox_events`),
 *  with roles by credential. */
export interface AnalystServer {
  url: string;
  /** Request paths with their query, in arrival order. */
  paths: string[];
  close(): Promise<void>;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/**
 * Starts it on 127.0.0.1 (port 0): the `analyst` pair gets 200 with `alerts` (or, under
 * `/api/mailbox_events`, `mailboxEvents`), the `reporter` pair 403 for alerts and 200 for
 * mailbox events, anything else 401, each with a JSON error body.
 */
export async function startAnalystServer(options: {
  analyst: [string, string];
  reporter: [string, string];
  alerts: unknown[];
  mailboxEvents?: unknown[];
}): Promise<AnalystServer> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? "");
    request.resume();
    const auth = request.headers.authorization;
    const events = request.url?.startsWith("/api/mailbox_events") === true;
    const role =
      auth === basic(...options.analyst)
        ? "analyst"
        : auth === basic(...options.reporter)
          ? "reporter"
          : undefined;
    const [status, body] =
      role === undefined
        ? [401, { error: "unknown identifier or wrong secret" }]
        : events
          ? [200, { mailbox_events: options.mailboxEvents ?? [] }]
          : role === "analyst"
            ? [200, { alerts: options.alerts }]
            : [403, { error: "this credential may not read alerts (role reporter)" }];
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
