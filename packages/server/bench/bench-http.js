// What the benchmarks say over HTTP: reports sent as an agent sends them, alerts received as a
// webhook channel delivers them.
import { once } from "node:events";
import { createServer, request } from "node:http";

/**
 * POSTs one report body to `${url}/api/reports` as an agent does (Basic `authorization`,
 * Idempotency-Key `key`, through the keep-alive `agent`). Resolves on 202; rejects with
 * `HTTP <status>` for any other answer, and with the socket's error, marked `socketLevel`,
 * when no answer was read (ECONNRESET, EPIPE).
 */
export function postReport(url, { agent, authorization }, body, key) {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/reports`,
      {
        method: "POST",
        agent,
        headers: {
          authorization,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "idempotency-key": key,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          res.statusCode === 202 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on("error", (error) => reject(Object.assign(error, { socketLevel: true })));
    req.end(body);
  });
}

/**
 * Starts the webhook sink the server under benchmark notifies: each alert POSTed to it is
 * parsed and handed to `onAlert`, then answered 204. Resolves with the server and its URL.
 */
export async function startAlertSink(onAlert) {
  const sink = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      onAlert(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(204).end();
    });
  });
  sink.listen(0, "127.0.0.1");
  await once(sink, "listening");
  return { sink, url: `http://127.0.0.1:${sink.address().port}/hook` };
}
