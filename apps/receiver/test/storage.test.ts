import { chmod, mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ReceiverStorageError, startReceiver } from "../src/index.js";
import { CREDENTIALS, cleanups, receiverWithClient, runCleanups } from "./helpers.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "spoor-receiver-db-"));
});
afterEach(async () => {
  await runCleanups();
  await rm(dir, { recursive: true, force: true });
});

const entry = {
  type: "login",
  time: 1555588110,
  ip: "10.0.0.1",
  mailbox_address: "a@b.c",
  host: "host1",
};

it("keeps reports, events, idempotency keys and the duplicate count across a restart (file DB, WAL)", async () => {
  const dbPath = join(dir, "receiver.sqlite");
  const first = await receiverWithClient({ dbPath });
  await first.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  await first.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  await first.receiver.close();
  expect(((await stat(dbPath)).mode & 0o777).toString(8)).toBe("600");

  const second = await receiverWithClient({ dbPath });
  await second.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  await second.client.sendReport(
    { ...entry, type: "forward_removed" },
    { idempotencyKey: "k2", reporter: "host1" },
  );
  expect(second.receiver.stats()).toStrictEqual({
    reports: 2,
    mailbox_events: 2,
    duplicates_collapsed: 2,
  });
  expect(
    (await second.client.listMailboxEvents("host1")).map((e) => [e.id, e.type, e.ip_actor]),
  ).toStrictEqual([
    [2, "forward_removed", { ip_address: "10.0.0.1" }],
    [1, "login", { ip_address: "10.0.0.1" }],
  ]);
});

it("starts empty in memory each time", async () => {
  const first = await receiverWithClient();
  await first.client.sendReport(entry, { idempotencyKey: "k1", reporter: "host1" });
  const second = await receiverWithClient();
  expect([first.receiver.stats().reports, second.receiver.stats().reports]).toStrictEqual([1, 0]);
});

async function refusal(dbPath: string) {
  try {
    const receiver = await startReceiver({ credentials: CREDENTIALS, dbPath });
    cleanups.push(() => receiver.close());
  } catch (error) {
    if (!(error instanceof ReceiverStorageError)) throw error;
    return { path: error.path, message: error.message, fix: error.fix };
  }
  return undefined;
}

it("refuses a symlinked database file", async () => {
  const target = join(dir, "real.sqlite");
  await writeFile(target, "", { mode: 0o600 });
  const link = join(dir, "link.sqlite");
  await symlink(target, link);
  expect(await refusal(link)).toStrictEqual({
    path: link,
    message: `${link} is a symlink`,
    fix: "point --db at a regular file",
  });
});

it("refuses a database file others can read", async () => {
  const path = join(dir, "open.sqlite");
  await writeFile(path, "");
  await chmod(path, 0o644);
  expect(await refusal(path)).toStrictEqual({
    path,
    message: `${path} has mode 644; it holds mailbox addresses`,
    fix: `chmod 600 ${path}`,
  });
});

it("refuses a directory as database", async () => {
  expect(await refusal(dir)).toStrictEqual({
    path: dir,
    message: `${dir} is not a regular file`,
    fix: "point --db at a file",
  });
});
