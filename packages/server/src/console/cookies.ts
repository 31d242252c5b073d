import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The session cookie's name. */
export const SESSION_COOKIE = "spoor_session";
/** The pre-session CSRF cookie of the sign-in form (double-submit). */
export const LOGIN_COOKIE = "spoor_login";

/** A cookie of a request, or undefined (also for a malformed or repeated one). Never throws. */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  let found: string | undefined;
  for (const part of header.split(";")) {
    const equals = part.indexOf("=");
    if (equals === -1 || part.slice(0, equals).trim() !== name) continue;
    if (found !== undefined) return undefined;
    found = part.slice(equals + 1).trim();
  }
  return found !== undefined && /^[A-Za-z0-9_-]{20,100}$/.test(found) ? found : undefined;
}

/** How a cookie is set: HttpOnly and SameSite=Strict always, Secure over TLS. */
export interface CookieOptions {
  path: string;
  maxAgeSeconds: number;
  secure: boolean;
}

/** A `Set-Cookie` value (an empty value with Max-Age=0 clears it). Never throws. */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    "HttpOnly",
    "SameSite=Strict",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Compares two tokens in constant time; false when either is missing. Never throws. */
export function tokensMatch(given: string | string[] | undefined, expected: string | undefined) {
  if (typeof given !== "string" || expected === undefined) return false;
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
