import { isIPv4 } from "node:net";

/**
 * True for a URL hostname that can only reach this machine: `localhost`, 127.0.0.0/8 and
 * `[::1]` (as `URL.hostname` spells it). Never throws.
 */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === "localhost" || name === "[::1]") return true;
  return isIPv4(name) && name.startsWith("127.");
}
