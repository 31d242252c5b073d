/** A failed exchange, explained. */
export interface NetworkFailure {
  code?: string;
  description: string;
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  EPIPE: "connection closed while the request was being sent",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "temporary DNS failure",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ERR_STREAM_PREMATURE_CLOSE: "connection closed before the response was complete",
};

const TLS_CODE =
  /^(CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|ERR_TLS_|HOSTNAME_MISMATCH$)/;

function codeOf(error: unknown): string | undefined {
  for (
    let current = error, depth = 0;
    depth < 3 && typeof current === "object" && current !== null;
    depth++
  ) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Names what a thrown fetch/stream error means (`connection refused`, `TLS certificate
 * verification failed`, …), with its system or TLS code when there is one. Never throws.
 */
export function describeNetworkError(error: unknown): NetworkFailure {
  const code = codeOf(error);
  if (code !== undefined && TLS_CODE.test(code)) {
    return { code, description: "TLS certificate verification failed" };
  }
  if (code !== undefined) return { code, description: DESCRIPTIONS[code] ?? "network error" };
  const message = error instanceof Error ? error.message : String(error);
  return { description: `network error: ${message.slice(0, 200)}` };
}
