/** A WHERE clause built from optional filters, with its parameters in order. */
export interface Conditions {
  /** Adds a clause whose `%` marks (each) stand for `value`. */
  add(clause: string, value?: unknown): void;
  /** Adds a parameter without a clause (LIMIT, OFFSET) and returns its mark. */
  parameter(value: unknown): string;
  /** ` WHERE a AND b`, or "" without clauses. */
  where(): string;
  values: unknown[];
}

/**
 * Starts an empty {@link Conditions} whose parameters are written by `mark` (given the
 * 1-based number of the value): `?` for SQLite. Never throws.
 */
export function conditionsMarkedBy(mark: (position: number) => string): Conditions {
  const clauses: string[] = [];
  const values: unknown[] = [];
  return {
    add(clause, ...value) {
      if (value.length === 0) {
        clauses.push(clause);
        return;
      }
      values.push(value[0]);
      clauses.push(clause.replaceAll("%", mark(values.length)));
    },
    parameter(value) {
      values.push(value);
      return mark(values.length);
    },
    where: () => (clauses.length ? ` WHERE ${clauses.join(" AND ")}` : ""),
    values,
  };
}
