/**
 * The line a list command writes on stderr when the list is empty, so a person sees why
 * nothing follows the header while stdout stays valid CSV, JSON or table, e.g.
 * `no mailbox events for host cp1.example.com`. Never throws.
 */
export function emptyListNote(
  what: string,
  filters: Record<string, string | number | undefined>,
): string {
  const given = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name} ${value}`);
  return `no ${what}${given.length === 0 ? "" : ` for ${given.join(", ")}`}\n`;
}
