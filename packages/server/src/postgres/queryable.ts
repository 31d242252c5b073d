import { createHash } from "node:crypto";
import type pg from "pg";
import { type Conditions, conditionsMarkedBy } from "../store/conditions.js";
import { escapeValue, unescapeRow } from "./pg-text.js";

/** A pool or one checked-out client (inside a transaction). */
export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

// Statement names by text: each connection parses and plans a statement once (pg keeps the
// names it prepared per connection), later runs only bind and execute. The texts are this
// driver's own, a bounded set of shapes.
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `s${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** One statement as a named, prepared query with its values escaped (see pg-text). */
function prepared(text: string, values: unknown[]): pg.QueryConfig {
  return { name: statementName(text), text, values: values.map(escapeValue) };
}

/** The rows of one statement (strings escaped and unescaped, see pg-text). @throws `pg`'s errors */
export async function rowsOf<T>(q: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  const { rows } = await q.query(prepared(text, values));
  return rows.map(unescapeRow) as T[];
}

/** How many rows a statement changed. @throws `pg`'s errors */
export async function changesOf(
  q: Queryable,
  text: string,
  values: unknown[] = [],
): Promise<number> {
  return (await q.query(prepared(text, values))).rowCount ?? 0;
}

/** Starts an empty WHERE builder whose parameters are PostgreSQL's `$n`. Never throws. */
export function conditions(): Conditions {
  return conditionsMarkedBy((position) => `$${position}`);
}
