/** Where the server keeps its data. */
export type DatabaseLocation =
  | { kind: "memory" }
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string };

/** The default `--db`. */
export const DEFAULT_DATABASE = "sqlite:/var/lib/spoor-server/spoor.sqlite";

/**
 * Reads a `--db` / `database:` value: `sqlite:PATH` (an absolute path, or relative to the
 * working directory), `:memory:`, or `postgres://…` / `postgresql://…` (a libpq URL).
 *
 * @throws TypeError naming the value for anything else.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url === ":memory:" || url === "sqlite::memory:") return { kind: "memory" };
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw new TypeError("the database URL sqlite: needs a path (sqlite:PATH)");
    return { kind: "sqlite", path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { kind: "postgres", url };
  }
  throw new TypeError(
    `the database must be sqlite:PATH, :memory: or postgres://…, not ${JSON.stringify(url.slice(0, 100))}`,
  );
}
