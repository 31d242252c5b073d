import { formatIp } from "./format-ip.js";
import { networkOfParsed } from "./network-of.js";
import { parseIp } from "./parse-ip.js";
import type { RangeTable } from "./range-table.js";

/** What the server stores of an address (the API's `ip_actor`). */
export interface IpActor {
  /** The canonical address text, or null when the input is not an address. */
  ip_address: string | null;
  network: string | null;
  asn: number | null;
  as_name: string | null;
  country: string | null;
}

/** The loaded ASN and country tables. */
export interface IpTables {
  asnV4: RangeTable | null;
  asnV6: RangeTable | null;
  countryV4: RangeTable | null;
  countryV6: RangeTable | null;
  /** Per ASN table value: the AS number. */
  asns: number[];
  /** Per ASN table value: the AS name ("" when the data has none). */
  asNames: string[];
  /** Per country table value: the ISO 3166 code. */
  countries: string[];
}

/** Facts about a load, for the README's figures and the server's startup log. */
export interface IpDatabaseStats {
  ipv4Ranges: number;
  ipv6Ranges: number;
  /** Bytes of the range tables (typed arrays), without the name strings. */
  tableBytes: number;
  loadMs: number;
  source: string;
}

/** An offline ASN / AS name / country lookup. */
export interface IpDatabase {
  /** False when some data could not be read; lookups then give nulls for what is missing. */
  readonly loaded: boolean;
  /** One sentence for the log when not `loaded`, else null. */
  readonly warning: string | null;
  readonly stats: IpDatabaseStats;
  /** The actor of an address; every field null for a non-address. Never throws. */
  lookup(ip: unknown): IpActor;
}

const NOTHING: IpActor = {
  ip_address: null,
  network: null,
  asn: null,
  as_name: null,
  country: null,
};

/** A database over `tables` (any may be null). Never throws. */
export function createIpDatabase(
  tables: IpTables,
  stats: IpDatabaseStats,
  warning: string | null,
): IpDatabase {
  const v4 = new Uint32Array(1);
  const v6 = new Uint32Array(4);
  return {
    loaded: warning === null,
    warning,
    stats,
    lookup(input: unknown): IpActor {
      const ip = parseIp(input);
      if (ip === null) return NOTHING;
      let key: Uint32Array;
      if (ip.version === 4) {
        v4[0] = ip.value;
        key = v4;
      } else {
        v6.set(ip.words);
        key = v6;
      }
      const asnTable = ip.version === 4 ? tables.asnV4 : tables.asnV6;
      const countryTable = ip.version === 4 ? tables.countryV4 : tables.countryV6;
      const asIndex = asnTable?.find(key) ?? -1;
      const countryIndex = countryTable?.find(key) ?? -1;
      return {
        ip_address: formatIp(ip),
        network: networkOfParsed(ip),
        asn: asIndex >= 0 ? tables.asns[asIndex]! : null,
        as_name: asIndex >= 0 ? tables.asNames[asIndex] || null : null,
        country: countryIndex >= 0 ? tables.countries[countryIndex]! : null,
      };
    },
  };
}
