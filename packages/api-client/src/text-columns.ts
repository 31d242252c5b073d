/** One column of a printed listing: its header and how a row fills it. */
export interface TextColumn<Row> {
  header: string;
  value(row: Row): unknown;
}

/** A field value as text: missing → empty, objects as JSON. Never throws. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return "";
    }
  }
  return String(value);
}
