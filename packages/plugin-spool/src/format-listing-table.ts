import { formatEventTime } from "@spoor/api-client";
import type { SpoolListing } from "./services/spool-list.js";

/**
 * An aligned table of spool files: NAME, TYPE, TIME (UTC), SIZE, plus REASON when any file
 * has one; two spaces between columns, no trailing spaces, control characters in reasons
 * escaped. `(empty)` under the header when there are no files. Never throws.
 */
export function formatListingTable(files: readonly SpoolListing[]): string {
  const withReason = files.some((file) => file.reason !== undefined);
  const header = ["NAME", "TYPE", "TIME", "SIZE", ...(withReason ? ["REASON"] : [])];
  const rows = files.map((file) => [
    safe(file.name),
    file.type ?? "-",
    file.unixSeconds === undefined ? "-" : formatEventTime(file.unixSeconds),
    file.size === undefined ? "-" : String(file.size),
    ...(withReason ? [safe(file.reason ?? "")] : []),
  ]);
  const widths = header.map((text, i) =>
    Math.max(text.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const body = rows.length === 0 ? ["(empty)"] : rows.map(line);
  return `${[line(header), ...body].join("\n")}\n`;
}

function safe(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
