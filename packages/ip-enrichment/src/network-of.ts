import { formatIp } from "./format-ip.js";
import { type ParsedIp, parseIp } from "./parse-ip.js";

/** The /24 (IPv4) or /48 (IPv6) containing a parsed address. Never throws. */
export function networkOfParsed(ip: ParsedIp): string {
  if (ip.version === 4)
    return `${formatIp({ version: 4, value: (ip.value & 0xffffff00) >>> 0 })}/24`;
  const [high, middle] = ip.words;
  return `${formatIp({ version: 6, words: [high, (middle & 0xffff0000) >>> 0, 0, 0] })}/48`;
}

/**
 * The network of an address as normalised text: its /24 for IPv4 (and IPv4-mapped IPv6), its
 * /48 for IPv6; null for anything that is not an address (the input is attacker-controlled).
 * Never throws.
 *
 * @example networkOf("203.0.113.77") === "203.0.113.0/24"
 * @example networkOf("2001:DB8:1:2::5") === "2001:db8:1::/48"
 */
export function networkOf(input: unknown): string | null {
  const ip = parseIp(input);
  return ip === null ? null : networkOfParsed(ip);
}

/** The canonical text of an address, or null when it is not one. Never throws. */
export function normalizeIp(input: unknown): string | null {
  const ip = parseIp(input);
  return ip === null ? null : formatIp(ip);
}
