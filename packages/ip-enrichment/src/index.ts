export { csvFields } from "./csv-fields.js";
export { formatIp } from "./format-ip.js";
export {
  createIpDatabase,
  type IpActor,
  type IpDatabase,
  type IpDatabaseStats,
  type IpTables,
} from "./ip-database.js";
export { type IpDatabaseOptions, loadIpDatabaseSync } from "./load-ip-database.js";
export { networkOf, networkOfParsed, normalizeIp } from "./network-of.js";
export { type ParsedIp, parseIp } from "./parse-ip.js";
export { RangeTable } from "./range-table.js";
