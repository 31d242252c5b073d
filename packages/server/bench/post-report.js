import { request } from "node:http";

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
