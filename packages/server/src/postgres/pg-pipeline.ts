import type { Socket } from "node:net";
import type pg from "pg";

/**
 * A client's `query` whose statements sent in one turn of the event loop leave in one write:
 * the connection's socket is corked at the first and uncorked once the turn's synchronous
 * work is over (a pipelining client sends each statement at once, one write each
 * otherwise). Never throws; the queries reject as `pg`'s do.
 */
export function pipelined(
  client: pg.PoolClient,
): (config: pg.QueryConfig | string) => Promise<pg.QueryResult> {
  const stream = (client as unknown as { connection?: { stream?: Socket } }).connection?.stream;
  let corked = false;
  return (config) => {
    if (stream !== undefined && !corked && typeof stream.cork === "function") {
      corked = true;
      stream.cork();
      queueMicrotask(() => {
        corked = false;
        stream.uncork();
      });
    }
    return client.query(config as pg.QueryConfig);
  };
}
