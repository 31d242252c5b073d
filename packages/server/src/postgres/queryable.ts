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
