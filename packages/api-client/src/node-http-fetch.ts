import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { FetchFunction, FetchInit, FetchResponse } from "./fetch-function.js";

/**
 * The default {@link FetchFunction}: one `node:http`/`node:https` request on the agent
 * `init.agent(url)` returns (keep-alive), TLS verification on (Node's default). It sends the
 * header names in lower case, sorted, with `Content-Length` for a body (byte-exact, so never
 * chunked); Node adds `Host` and `Connection`. Redirects are answered, never followed; bodies
 * are never decompressed (no `Accept-Encoding` is sent). `init.signal` aborts the exchange,
 * the body included.
 * @returns the response once its head arrived; `body` is the message stream.
 * @throws (rejects with) the request's error: a system error (`ECONNREFUSED`, `ECONNRESET`…),
 *   a TLS verification error, or an `AbortError` when `init.signal` fires.
 */
export const nodeHttpFetch: FetchFunction = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(target, {
      method: init.method,
      headers: wireHeaders(init),
      agent: init.agent(target),
      signal: init.signal,
    });
    request.once("response", (response) => resolve(asFetchResponse(response)));
    // Errors after the response (a reset mid-body) reach the body's reader through the
    // response stream; this listener also keeps them from being unhandled.
    request.on("error", reject);
    request.end(init.body);
  });

function wireHeaders(init: FetchInit): Record<string, string> {
  const pairs = Object.entries(init.headers).map(([name, value]) => [name.toLowerCase(), value]);
  if (init.body !== undefined) {
    pairs.push(["content-length", String(Buffer.byteLength(init.body))]);
  } else if (init.method === "POST") {
    pairs.push(["content-length", "0"]);
  }
  pairs.sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  return Object.fromEntries(pairs);
}

function asFetchResponse(response: IncomingMessage): FetchResponse {
  return {
    status: response.statusCode ?? 0,
    headers: {
      get(name) {
        const value = response.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(", ") : value;
      },
    },
    body: response,
  };
}
