import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresCluster, postgresBinDir, startPostgresCluster } from "./postgres-cluster.js";

const run = promisify(execFile);

describe("startPostgresCluster", () => {
  let cluster: PostgresCluster;
  const psql = (url: string, sql: string) =>
    run(join(postgresBinDir()!, "psql"), [url, "-tAc", sql]).then(({ stdout }) => stdout.trim());
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it("serves a fresh database on 127.0.0.1, survives a restart, and is gone after stop", async () => {
    const url = await cluster.createDatabase("probe");
    expect(url).toBe(`postgres://spoor@127.0.0.1:${cluster.port}/probe`);
    await psql(url, "CREATE TABLE t (v int); INSERT INTO t VALUES (42)");
    expect(await psql(url, "SHOW listen_addresses")).toBe("127.0.0.1");
    await cluster.restart();
    expect(await psql(url, "SELECT v FROM t")).toBe("42");
    const { dir } = cluster;
    await cluster.stop();
    expect(existsSync(dir)).toBe(false);
    await expect(psql(url, "SELECT 1")).rejects.toThrow();
  }, 60_000);
});
