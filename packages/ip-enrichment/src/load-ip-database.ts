import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { createIpDatabase, type IpDatabase, type IpTables } from "./ip-database.js";
import { type ParsedRanges, parseRangeCsv } from "./parse-range-csv.js";

/** Where the data comes from; tests point these at small files of their own. */
export interface IpDatabaseOptions {
  /** Directory with `asn-ipv4-num.csv` and `asn-ipv6-num.csv` (default: the @ip-location-db/asn package). */
  asnDir?: string;
  /** Directory with `geo-whois-asn-country-ipv{4,6}-num.csv` (default: the @ip-location-db/geo-whois-asn-country package). */
  countryDir?: string;
  /** Larger files are refused (default 256 MiB). */
  maxFileBytes?: number;
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const require = createRequire(import.meta.url);

function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

interface Plan {
  files: {
    key: keyof Omit<IpTables, "asns" | "asNames" | "countries">;
    path: string | null;
    width: number;
  }[];
  maxBytes: number;
  source: string;
}

function plan(options: IpDatabaseOptions): Plan {
  const asnDir = options.asnDir ?? packageDir("@ip-location-db/asn");
  const countryDir = options.countryDir ?? packageDir("@ip-location-db/geo-whois-asn-country");
  const at = (dir: string | null, file: string) => (dir === null ? null : join(dir, file));
  return {
    files: [
      { key: "asnV4", path: at(asnDir, "asn-ipv4-num.csv"), width: 1 },
      { key: "asnV6", path: at(asnDir, "asn-ipv6-num.csv"), width: 4 },
      { key: "countryV4", path: at(countryDir, "geo-whois-asn-country-ipv4-num.csv"), width: 1 },
      { key: "countryV6", path: at(countryDir, "geo-whois-asn-country-ipv6-num.csv"), width: 4 },
    ],
    maxBytes: options.maxFileBytes ?? DEFAULT_MAX_BYTES,
    source: `${asnDir ?? "(@ip-location-db/asn missing)"}, ${countryDir ?? "(@ip-location-db/geo-whois-asn-country missing)"}`,
  };
}

function assemble(
  parsed: Map<string, ParsedRanges>,
  failures: string[],
  source: string,
  started: number,
): IpDatabase {
  const asnValues = [...(parsed.get("asnV4")?.values ?? [])];
  const asnV6 = parsed.get("asnV6");
  const countryV4 = parsed.get("countryV4");
  const countryV6 = parsed.get("countryV6");
  // The two files of a kind have separate value lists; v6 indexes are offset past v4's.
  const tables: IpTables = {
    asnV4: parsed.get("asnV4")?.table ?? null,
    asnV6: asnV6?.table ?? null,
    countryV4: countryV4?.table ?? null,
    countryV6: countryV6?.table ?? null,
    asns: [],
    asNames: [],
    countries: [],
  };
  const v6AsnOffset = asnValues.length;
  asnValues.push(...(asnV6?.values ?? []));
  tables.asns = asnValues.map((value) => Number(value[0]));
  tables.asNames = asnValues.map((value) => value[1] ?? "");
  const v6CountryOffset = countryV4?.values.length ?? 0;
  tables.countries = [...(countryV4?.values ?? []), ...(countryV6?.values ?? [])].map(
    (v) => v[0] ?? "",
  );
  tables.asnV6 = asnV6 ? asnV6.table.withOffset(v6AsnOffset) : null;
  tables.countryV6 = countryV6 ? countryV6.table.withOffset(v6CountryOffset) : null;
  const all = [tables.asnV4, tables.asnV6, tables.countryV4, tables.countryV6];
  const stats = {
    ipv4Ranges: (tables.asnV4?.length ?? 0) + (tables.countryV4?.length ?? 0),
    ipv6Ranges: (tables.asnV6?.length ?? 0) + (tables.countryV6?.length ?? 0),
    tableBytes: all.reduce((sum, table) => sum + (table?.byteLength ?? 0), 0),
    loadMs: Math.round(performance.now() - started),
    source,
  };
  const warning =
    failures.length === 0
      ? null
      : `IP enrichment data could not be loaded (${failures.join("; ")}); ASN, AS name and country stay null where it is missing`;
  return createIpDatabase(tables, stats, warning);
}

function reason(error: unknown): string {
  return error instanceof Error
    ? ((error as NodeJS.ErrnoException).code ?? error.message)
    : String(error);
}

/**
 * Loads the ASN and country tables synchronously. Never throws: what cannot be read (missing
 * package, unreadable or oversize file) is named in `warning`, and lookups give null for it.
 */
export function loadIpDatabaseSync(options: IpDatabaseOptions = {}): IpDatabase {
  const started = performance.now();
  const { files, maxBytes, source } = plan(options);
  const parsed = new Map<string, ParsedRanges>();
  const failures: string[] = [];
  for (const file of files) {
    try {
      if (file.path === null) throw new Error("data package not installed");
      if (statSync(file.path).size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
      parsed.set(file.key, parseRangeCsv(readFileSync(file.path), file.width));
    } catch (error) {
      failures.push(`${file.key}: ${reason(error)}`);
    }
  }
  return assemble(parsed, failures, source, started);
}
