import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { receiverBin } from "@spoor/test-support";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEMA } from "../src/database/schema.js";
import { openServerStore, ServerSchemaError } from "../src/index.js";
import { usePostgres } from "./postgres-fixture.js";

const run = promisify(execFile);
const outbox = { channels: [] };

/** `spoor-server --db URL`: resolves with its exit code and stderr (it must not start). */
async function serverExit(db: string, dir: string) {
  const config = join(dir, "server.yml");
  await writeFile(config, "{}\n", { mode: 0o600 });
  try {
    await run(
      process.execPath,
      [receiverBin(), "--config", config, "--db", db, "--listen", "127.0.0.1:0"],
      {
        timeout: 30_000,
      },
    );
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe("SQLite migrations", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "spoor-migrate-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("version a database from before versioning in place, keeping its rows", async () => {
    const path = join(dir, "old.sqlite");
    const old = new Database(path);
    old.exec(SCHEMA);
    old.prepare("INSERT INTO heartbeats (host, received_at) VALUES ('web1', 5)").run();
    old.close();
    await chmod(path, 0o600);
    const store = await openServerStore(`sqlite:${path}`, outbox);
    expect(await store.heartbeats.all()).toStrictEqual([{ host: "web1", received_at: 5 }]);
    await store.close();
    const reopened = new Database(path);
    expect(reopened.prepare("SELECT version FROM spoor_schema").all()).toStrictEqual([
      { version: 1 },
    ]);
    reopened.close();
  });

  it("refuse a database a newer server wrote, naming the versions; the bin exits 78", async () => {
    const path = join(dir, "newer.sqlite");
    await (await openServerStore(`sqlite:${path}`, outbox)).close();
    const db = new Database(path);
    db.prepare("UPDATE spoor_schema SET version = 99").run();
    db.close();
    const refused = await openServerStore(`sqlite:${path}`, outbox).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(ServerSchemaError);
    expect((refused as Error).message).toMatch(
      /schema version 99, newer than this spoor server knows \(1\)/,
    );
    const exit = await serverExit(`sqlite:${path}`, dir);
    expect(exit.code).toBe(78);
    expect(exit.stderr).toMatch(/"cannot start".*schema version 99.*"fix":"upgrade spoor/);
  }, 60_000);
});

describe("PostgreSQL migrations", () => {
  const postgres = usePostgres();

  it("migrate a fresh database, leave a migrated one as it is, refuse a newer one", async () => {
    const url = await postgres.cluster().createDatabase("migrations");
    await (await openServerStore(url, outbox)).close();
    const again = await openServerStore(url, outbox);
    await again.heartbeats.record(
      { host: "web1", agent_version: null, queue_depth: null, followers: null },
      7,
    );
    await again.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query("SELECT version FROM spoor_schema")).rows).toStrictEqual([
      { version: 1 },
    ]);
    await client.query("UPDATE spoor_schema SET version = 2");
    await client.end();
    const refused = await openServerStore(url, outbox).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(ServerSchemaError);
    expect((refused as Error).message).toMatch(
      /schema version 2, newer than this spoor server knows \(1\)/,
    );
    const dir = await mkdtemp(join(tmpdir(), "spoor-migrate-"));
    try {
      const exit = await serverExit(url, dir);
      expect(exit.code).toBe(78);
      expect(exit.stderr).toMatch(/"cannot start".*schema version 2/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
