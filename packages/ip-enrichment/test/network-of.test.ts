import { describe, expect, it } from "vitest";
import { csvFields, networkOf, normalizeIp, parseIp } from "../src/index.js";

describe("networkOf", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0/24"],
    ["0.0.0.0", "0.0.0.0/24"],
    ["255.255.255.255", "255.255.255.0/24"],
    ["2001:DB8:1:2::5", "2001:db8:1::/48"],
    ["2001:db8::1", "2001:db8::/48"],
    ["2001:0db8:00ab:ffff:0000:0000:0000:0001", "2001:db8:ab::/48"],
    ["::ffff:198.51.100.7", "198.51.100.0/24"],
    ["::ffff:c633:6407", "198.51.100.0/24"],
    ["[2001:db8:5::1]", "2001:db8:5::/48"],
    ["fe80::1%eth0", "fe80::/48"],
    ["::", "::/48"],
    ["::1", "::/48"],
    ["64:ff9b::192.0.2.33", "64:ff9b::/48"],
  ])("%s → %s", (input, network) => {
    expect(networkOf(input)).toBe(network);
  });

  it.each([
    "not an ip",
    "",
    "203.0.113.256",
    "203.0.113",
    "1.2.3.4.5",
    "01.2.3.4",
    "1.2.3.-4",
    "1::2::3",
    "1.2.3.4::",
    ":::",
    "2001:db8:::1",
    "12345::1",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "g::1",
    "'; DROP TABLE events;--",
    "\u0000203.0.113.1",
    "203.0.113.1\n",
    " 198.51.100.7 ",
    `${"1:".repeat(200)}1`,
  ])("%j is not an address", (input) => {
    expect(networkOf(input)).toBeNull();
  });

  it("gives null for values that are not text", () => {
    for (const value of [42, null, undefined, {}, ["203.0.113.1"], 1n])
      expect(networkOf(value)).toBeNull();
  });
});

describe("normalizeIp and parseIp", () => {
  it("writes IPv6 the RFC 5952 way", () => {
    expect(normalizeIp("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normalizeIp("2001:db8:0:1:1:1:1:1")).toBe("2001:db8:0:1:1:1:1:1");
    expect(normalizeIp("2001:0:0:1:0:0:0:1")).toBe("2001:0:0:1::1");
    expect(normalizeIp("::ffff:8.8.4.4")).toBe("8.8.4.4");
    expect(normalizeIp("nonsense")).toBeNull();
  });

  it("reads IPv4 as one number and IPv6 as four words", () => {
    expect(parseIp("1.0.0.1")).toEqual({ version: 4, value: 16_777_217 });
    expect(parseIp("2001:db8::1")).toEqual({ version: 6, words: [0x20010db8, 0, 0, 1] });
  });
});

describe("csvFields", () => {
  it("splits quoted and plain fields", () => {
    expect(csvFields('1,2,13335,"Cloudflare, Inc."')).toEqual([
      "1",
      "2",
      "13335",
      "Cloudflare, Inc.",
    ]);
    expect(csvFields('a,"say ""hi""",c')).toEqual(["a", 'say "hi"', "c"]);
    expect(csvFields("AU")).toEqual(["AU"]);
    expect(csvFields('"open')).toEqual(["open"]);
  });
});
