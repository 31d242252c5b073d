import { createHash } from "node:crypto";
import { chmod, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDirEach } from "@spoor/test-support";
import Database from "better-sqlite3";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ServerStorageError, startServer } from "../src/index.js";
import { CREDENTIALS, cleanups, runCleanups, serverWithClient } from "./helpers.js";

const temp = tempDirEach("spoor-server-db-", { beforeEach, afterEach });
afterEach(async () => {
  await runCleanups();
});

const entry = {
  type: "login",
  time: 1555588110,
  ip: "10.0.0.1",
  mailbox_address: "a@b.c",
  host: "host1",
};

it("keeps reports, events, idempotency keys and the duplicate count across a restart (file DB, WAL)", async () => {
  const dbPath = join(temp.path, "server.sqlite");
  const first = await serverWithClient({ database: `sqlite:${dbPath}` });
  await first.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  await first.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  await first.server.close();
  expect(((await stat(dbPath)).mode & 0o777).toString(8)).toBe("600");

  const second = await serverWithClient({ database: `sqlite:${dbPath}` });
  await second.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  await second.client.sendReport(
    { ...entry, type: "forward_removed" },
    { idempotencyKey: "k2", reporter: "host1" },
  );
  expect(await second.server.stats()).toMatchObject({
    reports: 2,
    mailbox_events: 2,
    duplicates_collapsed: 2,
  });
  expect(
    (await second.client.listMailboxEvents("host1")).map((e) => [e.id, e.type, e.ip_actor]),
  ).toStrictEqual([
    [
      2,
      "forward_removed",
      { ip_address: "10.0.0.1", network: "10.0.0.0/24", asn: null, as_name: null, country: null },
    ],
    [
      1,
      "login",
      { ip_address: "10.0.0.1", network: "10.0.0.0/24", asn: null, as_name: null, country: null },
    ],
  ]);
});

it("stores the same digests as earlier versions, so their Idempotency-Keys and collapsing still match", async () => {
  const dbPath = join(temp.path, "server.sqlite");
  const { server, client } = await serverWithClient({ database: `sqlite:${dbPath}` });
  // Keys out of order on purpose: the digests are of the canonical (sorted) text.
  const sent = {
    time: 1555588110,
    type: "login",
    mailbox_address: "a@b.c",
    ip: "10.0.0.1",
    host: "host1",
  };
  await client.sendReport(sent, { idempotencyKey: "k1", reporter: "host1" });
  await server.close();
  const canonical =
    '{"host":"host1","ip":"10.0.0.1","mailbox_address":"a@b.c","time":1555588110,"type":"login"}';
  const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.prepare("SELECT body_sha256 FROM submissions").pluck().all()).toStrictEqual([
      sha(`["host1",[${canonical}]]`),
    ]);
    expect(db.prepare("SELECT content_sha256 FROM reports").pluck().all()).toStrictEqual([
      sha(`["user123","host1",${canonical}]`),
    ]);
  } finally {
    db.close();
  }
});

it("starts empty in memory each time", async () => {
  const first = await serverWithClient();
  await first.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  const second = await serverWithClient();
  expect([
    (await first.server.stats()).reports,
    (await second.server.stats()).reports,
  ]).toStrictEqual([1, 0]);
});

async function refusal(dbPath: string) {
  try {
    const server = await startServer({ credentials: CREDENTIALS, database: `sqlite:${dbPath}` });
    cleanups.push(() => server.close());
  } catch (error) {
    if (!(error instanceof ServerStorageError)) throw error;
    return { path: error.path, message: error.problem, fix: error.fix };
  }
  return undefined;
}

it("refuses a symlinked database file", async () => {
  const target = join(temp.path, "real.sqlite");
  await writeFile(target, "", { mode: 0o600 });
  const link = join(temp.path, "link.sqlite");
  await symlink(target, link);
  expect(await refusal(link)).toStrictEqual({
    path: link,
    message: `${link} is a symlink`,
    fix: "point --db at a regular file",
  });
});

it("refuses a database file others can read", async () => {
  const path = join(temp.path, "open.sqlite");
  await writeFile(path, "");
  await chmod(path, 0o644);
  expect(await refusal(path)).toStrictEqual({
    path,
    message: `${path} has mode 644; it holds mailbox addresses and credentials`,
    fix: `chmod 600 ${path}`,
  });
});

it("refuses a directory as database", async () => {
  expect(await refusal(temp.path)).toStrictEqual({
    path: temp.path,
    message: `${temp.path} is not a regular file`,
    fix: "point --db at a file",
  });
});

it("creates a missing database directory 0700 and refuses one others may write", async () => {
  const nested = join(temp.path, "state", "spoor.sqlite");
  const first = await serverWithClient({ database: `sqlite:${nested}` });
  await first.server.close();
  expect(((await stat(join(temp.path, "state"))).mode & 0o777).toString(8)).toBe("700");
  await chmod(join(temp.path, "state"), 0o777);
  expect(await refusal(nested)).toMatchObject({
    path: join(temp.path, "state"),
    fix: `chmod 700 ${join(temp.path, "state")}`,
  });
});

it("drops records older than retention_days, keeps the rest, and says so when old entries arrive", async () => {
  const { validateServerConfig } = await import("../src/index.js");
  const now = 1_800_000_000;
  const warnings: Array<[string, Record<string, unknown>]> = [];
  const { server, client } = await serverWithClient({
    config: validateServerConfig({ retention_days: 10 }),
    clock: () => now * 1000,
    logger: {
      info: () => undefined,
      warn: (msg, fields = {}) => void warnings.push([msg, fields]),
      error: () => undefined,
    },
  });
  await client.sendReport(
    { ...entry, time: now - 11 * 86_400 },
    { idempotencyKey: "old", reporter: "host1" },
  );
  await client.sendReport(
    { ...entry, time: now - 9 * 86_400 },
    { idempotencyKey: "new", reporter: "host1" },
  );
  // One line for the old entry (and none for the recent one): the backfill is not silently lost.
  expect(warnings).toStrictEqual([
    [
      "entries older than retention_days: stored now, removed by the next retention pass",
      { identifier: "user123", entries: 1, cutoff: now - 10 * 86_400 },
    ],
  ]);
  expect(await server.prune()).toStrictEqual({ reports: 1, mailbox_events: 1, alerts: 0 });
  expect((await client.listReports("host1")).map((r) => r.event_time)).toStrictEqual([
    now - 9 * 86_400,
  ]);
});
