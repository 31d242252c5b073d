/** A parsed address: IPv4 as one 32-bit number, IPv6 as four 32-bit words (most significant first). */
export type ParsedIp =
  | { version: 4; value: number }
  | { version: 6; words: [number, number, number, number] };

/** Longer text is never an address (the longest IPv6 form with a zone is well below this). */
const MAX_LENGTH = 100;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): number | null {
  if (!IPV4.test(text)) return null;
  const [a, b, c, d] = text.split(".").map(Number) as [number, number, number, number];
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function parseHextets(part: string): number[] | null {
  if (part === "") return [];
  const groups = part.split(":");
  const values: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (index === groups.length - 1 && group.includes(".")) {
      const v4 = parseIpv4(group);
      if (v4 === null) return null;
      values.push(v4 >>> 16, v4 & 0xffff);
    } else if (HEXTET.test(group)) {
      values.push(Number.parseInt(group, 16));
    } else {
      return null;
    }
  }
  return values;
}

function parseIpv6(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = parseHextets(halves[0]!);
  if (halves.length === 1) return head !== null && head.length === 8 ? head : null;
  const tail = parseHextets(halves[1]!);
  if (head === null || tail === null || head.length + tail.length > 7) return null;
  if (halves[0]!.includes(".")) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * Parses an IPv4 or IPv6 address. IPv6 accepts `::`, an embedded IPv4 tail, square brackets
 * and a zone (`%eth0`, dropped); surrounding whitespace is not accepted. An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is IPv4.
 * IPv4 must be four decimal octets without leading zeros (`010.0.0.1` is ambiguous, so not an
 * address). Anything else — other types, long text — is null. Never throws.
 *
 * @example parseIp("::ffff:198.51.100.7") // → { version: 4, value: 3325256711 }
 */
export function parseIp(input: unknown): ParsedIp | null {
  if (typeof input !== "string" || input.length === 0 || input.length > MAX_LENGTH) return null;
  let text = input;
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  if (!text.includes(":")) return null;
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  const hextets = parseIpv6(text);
  if (hextets === null) return null;
  const words = [0, 2, 4, 6].map((i) => ((hextets[i]! << 16) | hextets[i + 1]!) >>> 0) as [
    number,
    number,
    number,
    number,
  ];
  if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff)
    return { version: 4, value: words[3] };
  return { version: 6, words };
}
