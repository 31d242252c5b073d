import type pg from "pg";
import { escapeValue, unescapeRow } from "./pg-text.js";

/** A pool or one checked-out client (inside a transaction). */
export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** The rows of one statement (strings escaped and unescaped, see pg-text). @throws `pg`'s errors */
export async function rowsOf<T>(q: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  const { rows } = await q.query(text, values.map(escapeValue));
  return rows.map(unescapeRow) as T[];
}

/** How many rows a statement changed. @throws `pg`'s errors */
export async function changesOf(
  q: Queryable,
  text: string,
  values: unknown[] = [],
): Promise<number> {
  return (await q.query(text, values.map(escapeValue))).rowCount ?? 0;
}

/** A WHERE clause built from optional filters, with its numbered parameters. */
export interface Conditions {
  /** Adds a clause whose `%` marks (each) stand for `value`. */
  add(clause: string, value?: unknown): void;
  /** Adds a parameter without a clause (LIMIT, OFFSET) and returns its `$n`. */
  parameter(value: unknown): string;
  /** ` WHERE a AND b`, or "" without clauses. */
  where(): string;
  values: unknown[];
}

/** Starts an empty {@link Conditions}. Never throws. */
export function conditions(): Conditions {
  const clauses: string[] = [];
  const values: unknown[] = [];
  return {
    add(clause, ...value) {
      if (value.length === 0) {
        clauses.push(clause);
        return;
      }
      values.push(value[0]);
      clauses.push(clause.replaceAll("%", `$${values.length}`));
    },
    parameter(value) {
      values.push(value);
      return `$${values.length}`;
    },
    where: () => (clauses.length ? ` WHERE ${clauses.join(" AND ")}` : ""),
    values,
  };
}
