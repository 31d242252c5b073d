import { join } from "node:path";
import { makeTempDir, type TempDir } from "@spoor/test-support";
import Database from "better-sqlite3";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openServerStore } from "../src/index.js";
import type { ServerStore } from "../src/store/server-store.js";
import { sampleEvent } from "./sample-event.js";

const login = (mailbox: string) => sampleEvent({ mailbox_address: mailbox });

let dir: TempDir;
let path: string;
let store: ServerStore;
beforeEach(async () => {
  dir = await makeTempDir("spoor-group-commit-");
  path = join(dir.path, "spoor.sqlite");
  store = await openServerStore(`sqlite:${path}`, { channels: [] });
});
afterEach(async () => {
  await store.close();
  await dir.cleanup();
});

/** The mailboxes a second connection reads: what is committed, not what one session sees. */
function committedMailboxes(): string[] {
  const reader = new Database(path, { readonly: true });
  try {
    return reader
      .prepare("SELECT mailbox_address FROM mailbox_events ORDER BY mailbox_address")
      .pluck()
      .all() as string[];
  } finally {
    reader.close();
  }
}

it("commits transactions started together, each resolving only once it is durable", async () => {
  const seenAtResolve: string[][] = [];
  const mailboxes = ["a@example.com", "b@example.com", "c@example.com", "d@example.com"];
  await Promise.all(
    mailboxes.map((mailbox) =>
      store
        .transaction([`host:web1`], async (tx) => tx.events.insert(login(mailbox)))
        .then(() => seenAtResolve.push(committedMailboxes())),
    ),
  );
  // Each caller, when its promise resolved, could already read its row from another
  // connection (so a 202 sent then is for a committed report).
  for (const [index, seen] of seenAtResolve.entries()) {
    expect(seen.length).toBeGreaterThanOrEqual(index + 1);
  }
  expect(committedMailboxes()).toStrictEqual(mailboxes);
});

it("rolls back only the transaction that threw; the others of its group commit", async () => {
  const results = await Promise.allSettled(
    ["a@example.com", "bad@example.com", "c@example.com"].map((mailbox) =>
      store.transaction([], async (tx) => {
        await tx.events.insert(login(mailbox));
        await tx.reports.count("duplicates_collapsed", 5);
        if (mailbox.startsWith("bad")) throw new Error(`refused ${mailbox}`);
        return mailbox;
      }),
    ),
  );
  expect(results.map((r) => r.status)).toStrictEqual(["fulfilled", "rejected", "fulfilled"]);
  expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
    message: "refused bad@example.com",
  });
  expect(committedMailboxes()).toStrictEqual(["a@example.com", "c@example.com"]);
  // The counter moved for the two committed transactions only.
  expect((await store.reports.stats()).duplicates_collapsed).toBe(10);
});

it("stores a transaction asked for just before close(), then closes", async () => {
  const stored = store.transaction([], async (tx) => tx.events.insert(login("last@example.com")));
  await store.close();
  await expect(stored).resolves.toBeTypeOf("number");
  expect(committedMailboxes()).toStrictEqual(["last@example.com"]);
});
