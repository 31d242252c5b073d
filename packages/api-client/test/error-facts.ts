import { ApiError } from "../src/index.js";

/** The observable fields of an ApiError, for whole-object assertions. */
export interface ErrorFacts {
  message: string;
  kind: string;
  method: string;
  url: string;
  status?: number;
  isRetryable: boolean;
  retryAfterMs?: number;
  bodyExcerpt?: string;
  code?: string;
}

/**
 * The facts of an ApiError for an HTTP answer: the message `METHOD URL answered HTTP STATUS:
 * why`, plus `more` (whether it is retryable, the excerpt, Retry-After).
 */
export function httpFacts(
  method: "GET" | "POST",
  url: string,
  status: number,
  why: string,
  more: Pick<ErrorFacts, "isRetryable"> & Partial<ErrorFacts>,
): ErrorFacts {
  return {
    message: `${method} ${url} answered HTTP ${status}: ${why}`,
    kind: "http",
    method,
    url,
    status,
    ...more,
  };
}

/** Awaits a promise that must reject with an ApiError and returns its facts. */
export async function rejection(promise: Promise<unknown>): Promise<ErrorFacts> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const { message, kind, method, url, status, isRetryable, retryAfterMs, bodyExcerpt, code } =
      error;
    return JSON.parse(
      JSON.stringify({
        message,
        kind,
        method,
        url,
        status,
        isRetryable,
        retryAfterMs,
        bodyExcerpt,
        code,
      }),
    ) as ErrorFacts;
  }
  throw new Error("expected the promise to reject with an ApiError");
}

/** Polls until `condition` holds (or fails after `timeoutMs`). */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
