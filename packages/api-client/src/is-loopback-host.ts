import { isIPv4 } from "node:net";

/**
 * True for a URL hostname that can only reach this machine: `localhost`, 127.0.0.0/8 and
 * `[::1]` (as `URL.hostname` spells it). Names under `.localhost` are not: whether they reach
 * this machine depends on the resolver. Never throws.
 */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === "localhost" || name === "[::1]") return true;
  return isIPv4(name) && name.startsWith("127.");
}

/**
 * The one rule for plain http, applied by `@spoor/config` to `transmission.host` and by the
 * client: an `http:` URL is allowed to a loopback host ({@link isLoopbackHost}), and to any
 * other host only with `allowInsecureHttp`; every other scheme passes (checked elsewhere).
 * Never throws.
 */
export function isPlainHttpAllowed(url: URL, allowInsecureHttp: boolean): boolean {
  return url.protocol !== "http:" || allowInsecureHttp || isLoopbackHost(url.hostname);
}
