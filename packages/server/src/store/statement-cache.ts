import type Database from "better-sqlite3";

/**
 * Prepares each distinct SQL text once and keeps it (a list query's text varies with its
 * filters, so it cannot be prepared up front). The function throws SQLite's errors for
 * invalid SQL.
 */
export function statementCache(db: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
