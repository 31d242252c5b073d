/** What went wrong with a call to the Spoor API. */
export type ApiErrorKind = "http" | "network" | "timeout" | "invalid-response" | "aborted";

/** The facts an {@link ApiError} carries (everything a caller needs to act on it). */
export interface ApiErrorDetails {
  kind: ApiErrorKind;
  method: string;
  /** The request URL (it never holds credentials: they travel in the Authorization header). */
  url: string;
  status?: number;
  /** Start of the response body (≤ 200 characters, control characters escaped, credentials masked). */
  bodyExcerpt?: string;
  /** True when the same request may succeed later (contract §5: anything but a permanent refusal). */
  isRetryable: boolean;
  /** From a valid `Retry-After` header, capped (see `parseRetryAfter`). */
  retryAfterMs?: number;
  /** The system or TLS error code of a network failure, e.g. `ECONNREFUSED`. */
  code?: string;
  cause?: unknown;
}

/**
 * The one error the API client throws for a failed call. `kind` says where it failed:
 * `http` (the server answered with an unexpected status), `network` (no answer: refused,
 * reset, DNS, TLS verification), `timeout` (no complete answer in time), `invalid-response`
 * (a list body that is not JSON, lacks its key or is too large) and `aborted` (the caller's
 * signal fired or the client was closed).
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorKind;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly bodyExcerpt?: string;
  readonly isRetryable: boolean;
  readonly retryAfterMs?: number;
  readonly code?: string;

  constructor(message: string, details: ApiErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.method = details.method;
    this.url = details.url;
    this.isRetryable = details.isRetryable;
    if (details.status !== undefined) this.status = details.status;
    if (details.bodyExcerpt !== undefined) this.bodyExcerpt = details.bodyExcerpt;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.code !== undefined) this.code = details.code;
  }
}
