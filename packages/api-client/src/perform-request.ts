import { ApiError } from "./api-error.js";
import { describeNetworkError } from "./describe-network-error.js";
import type { FetchFunction, FetchResponse } from "./fetch-function.js";
import type { KeepAliveAgents } from "./keep-alive-agents.js";
import { type BoundedBody, readBoundedBody } from "./read-bounded-body.js";

/** How requests leave the client. */
export interface Transport {
  fetch: FetchFunction;
  agents: KeepAliveAgents;
  timeoutMs: number;
  /** Fires when the client is closed: in-flight requests end as `aborted`. */
  closed: AbortSignal;
}

/** A request exactly as it is handed to fetch. */
export interface OutgoingRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A response with its body read up to the limit chosen for its status. */
export interface ReceivedResponse {
  status: number;
  headers: FetchResponse["headers"];
  body: BoundedBody;
}

function failure(
  error: unknown,
  request: OutgoingRequest,
  timeoutMs: number,
  timedOut: boolean,
  aborted: boolean,
): ApiError {
  const where = `${request.method} ${request.url}`;
  const base = { method: request.method, url: request.url, cause: error };
  if (aborted) {
    return new ApiError(`${where}: aborted`, { ...base, kind: "aborted", isRetryable: true });
  }
  if (timedOut) {
    return new ApiError(`${where}: no complete answer within ${timeoutMs} ms`, {
      ...base,
      kind: "timeout",
      isRetryable: true,
    });
  }
  const { code, description } = describeNetworkError(error);
  const suffix = code === undefined ? "" : ` (${code})`;
  return new ApiError(`${where}: ${description}${suffix}`, {
    ...base,
    kind: "network",
    isRetryable: true,
    ...(code === undefined ? {} : { code }),
  });
}

/**
 * Sends one request with the transport's timeout (covering the whole exchange, body
 * included), the caller's signal and the client's close signal, then reads the body up to
 * `bodyLimit(status)` bytes. One controller and one timer per request: the timer and the two
 * signals abort it (cheaper than `AbortSignal.any`, which costs a weak reference per call).
 *
 * @throws ApiError of kind `network`, `timeout` or `aborted` when no complete answer arrives.
 */
export async function performRequest(
  transport: Transport,
  request: OutgoingRequest,
  bodyLimit: (status: number) => number,
  signal?: AbortSignal,
): Promise<ReceivedResponse> {
  const exchange = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    exchange.abort();
  }, transport.timeoutMs);
  const abort = (): void => exchange.abort();
  transport.closed.addEventListener("abort", abort);
  signal?.addEventListener("abort", abort);
  try {
    // A signal that has already fired never reaches fetch (node-fetch 3 even crashed the
    // process on one: an unhandled stream error).
    if (transport.closed.aborted || signal?.aborted === true) exchange.abort();
    exchange.signal.throwIfAborted();
    const response = await transport.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: exchange.signal,
      agent: (url) => transport.agents.agentFor(url),
      compress: false,
      redirect: "manual",
    });
    const body = await readBoundedBody(response.body, bodyLimit(response.status));
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    const aborted = signal?.aborted === true || transport.closed.aborted;
    throw failure(error, request, transport.timeoutMs, timedOut, aborted);
  } finally {
    clearTimeout(timer);
    transport.closed.removeEventListener("abort", abort);
    signal?.removeEventListener("abort", abort);
  }
}
