import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadIpDatabaseSync } from "../src/index.js";

let root: string;
let asnDir: string;
let countryDir: string;

const V6_BASE = (0x20010db8n << 96n).toString();
const V6_END = ((0x20010db8n << 96n) + (1n << 96n) - 1n).toString();

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "spoor-ip-"));
  asnDir = join(root, "asn");
  countryDir = join(root, "country");
  await mkdir(asnDir);
  await mkdir(countryDir);
  // Out of order on purpose, a quoted name with a comma, a CRLF line and a bad line.
  await writeFile(
    join(asnDir, "asn-ipv4-num.csv"),
    [
      "3405803776,3405804031,64500,Example Hosting",
      '16777216,16777471,13335,"Cloudflare, Inc."\r',
      "not,a,range",
      "3325256704,3325256959,64496,Home ISP",
      "",
    ].join("\n"),
  );
  await writeFile(
    join(asnDir, "asn-ipv6-num.csv"),
    `${V6_BASE},${V6_END},64501,Documentation Six\n`,
  );
  await writeFile(
    join(countryDir, "geo-whois-asn-country-ipv4-num.csv"),
    "16777216,16777471,AU\n3405803776,3405804031,NL\n",
  );
  await writeFile(
    join(countryDir, "geo-whois-asn-country-ipv6-num.csv"),
    `${V6_BASE},${V6_END},JP\n`,
  );
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadIpDatabaseSync", () => {
  it("looks up ASN, AS name and country for IPv4, IPv6 and IPv4-mapped IPv6", () => {
    const db = loadIpDatabaseSync({ asnDir, countryDir });
    expect(db.loaded).toBe(true);
    expect(db.warning).toBeNull();
    expect(db.stats.ipv4Ranges).toBe(5);
    expect(db.stats.ipv6Ranges).toBe(2);
    expect(db.lookup("1.0.0.1")).toEqual({
      ip_address: "1.0.0.1",
      network: "1.0.0.0/24",
      asn: 13335,
      as_name: "Cloudflare, Inc.",
      country: "AU",
    });
    expect(db.lookup("::ffff:203.0.113.77")).toEqual({
      ip_address: "203.0.113.77",
      network: "203.0.113.0/24",
      asn: 64500,
      as_name: "Example Hosting",
      country: "NL",
    });
    expect(db.lookup("2001:db8:ffff::9")).toEqual({
      ip_address: "2001:db8:ffff::9",
      network: "2001:db8:ffff::/48",
      asn: 64501,
      as_name: "Documentation Six",
      country: "JP",
    });
    expect(db.lookup("198.51.100.7")).toMatchObject({ asn: 64496, country: null });
    expect(db.lookup("192.0.2.1")).toMatchObject({
      network: "192.0.2.0/24",
      asn: null,
      country: null,
    });
    expect(db.lookup("2001:db9::1")).toMatchObject({ asn: null });
    expect(db.lookup("1.0.1.0")).toMatchObject({ asn: null });
    expect(db.lookup("junk")).toEqual({
      ip_address: null,
      network: null,
      asn: null,
      as_name: null,
      country: null,
    });
  });

  it("still runs without its data: loaded false, one warning naming what is missing", () => {
    const db = loadIpDatabaseSync({ asnDir: join(root, "missing"), countryDir });
    expect(db.loaded).toBe(false);
    expect(db.warning).toContain("asnV4: ENOENT");
    expect(db.warning).toContain("asnV6: ENOENT");
    expect(db.lookup("1.0.0.1")).toEqual({
      ip_address: "1.0.0.1",
      network: "1.0.0.0/24",
      asn: null,
      as_name: null,
      country: "AU",
    });
  });

  it("refuses a file larger than its bound", () => {
    const db = loadIpDatabaseSync({ asnDir, countryDir, maxFileBytes: 64 });
    expect(db.loaded).toBe(false);
    expect(db.warning).toContain("larger than 64 bytes");
    expect(db.lookup("1.0.0.1").country).toBe("AU");
  });
});

describe("the shipped data", () => {
  it("loads the ip-location-db tables the package depends on", () => {
    const db = loadIpDatabaseSync();
    expect(db.warning).toBeNull();
    expect(db.stats.ipv4Ranges).toBeGreaterThan(500_000);
    expect(db.lookup("1.0.0.1")).toMatchObject({ asn: 13335, country: "AU" });
    expect(db.lookup("2001:4860:4860::8888")).toMatchObject({ asn: 15169, as_name: "Google LLC" });
  });
});
