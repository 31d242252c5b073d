import { ApiError } from "./api-error.js";

let csrfToken = "";

/** Remembers the CSRF token the session answer gave (sent on every change). Never throws. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/**
 * Calls the server with the session cookie: JSON in and out; every method but GET carries
 * the CSRF token in `X-CSRF-Token`. `X-Spoor-Console` asks the server to answer a missing
 * session with a plain 401 (no Basic-auth prompt).
 *
 * @throws ApiError for an answer other than 2xx (401: signed out), TypeError on a network failure.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "X-Spoor-Console": "1" };
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
    redirect: "error",
  });
  const text = await response.text();
  let document: unknown;
  try {
    document = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(response.status, `the server answered ${response.status} without JSON`);
  }
  if (!response.ok) {
    const message = (document as { error?: unknown }).error;
    throw new ApiError(response.status, typeof message === "string" ? message : "request failed");
  }
  return document as T;
}
