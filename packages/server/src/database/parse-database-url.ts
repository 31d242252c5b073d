/** Where the server keeps its data. */
export type DatabaseLocation = { kind: "memory" } | { kind: "sqlite"; path: string };

/** The default `--db`. */
export const DEFAULT_DATABASE = "sqlite:/var/lib/spoor-server/spoor.sqlite";

/**
 * Reads a `--db` / `database:` value: `sqlite:PATH` (an absolute path, or relative to the
 * working directory) or `:memory:`.
 *
 * @throws TypeError naming the value for anything else (`postgres://` included: not yet).
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url === ":memory:" || url === "sqlite::memory:") return { kind: "memory" };
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw new TypeError("the database URL sqlite: needs a path (sqlite:PATH)");
    return { kind: "sqlite", path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new TypeError("PostgreSQL is not supported yet: use sqlite:PATH or :memory:");
  }
  throw new TypeError(
    `the database must be sqlite:PATH or :memory:, not ${JSON.stringify(url.slice(0, 100))}`,
  );
}
