import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openServerStore, type ServerStore } from "../src/index.js";
import { usePostgres } from "./postgres-fixture.js";

// GET /api/mailbox_events?mailbox_events[mailbox_address]=… on PostgreSQL.
const postgres = usePostgres();

describe("postgres event list", () => {
  let store: ServerStore;
  beforeEach(async () => {
    await postgres.empty();
    store = await openServerStore(postgres.url(), { channels: [] });
  });
  afterEach(async () => {
    await store.close();
  });

  it("lists only the events of the mailbox asked for", async () => {
    const ids: Record<string, number[]> = { "alice@example.com": [], "bob@example.com": [] };
    for (const [i, mailbox] of [
      "alice@example.com",
      "bob@example.com",
      "alice@example.com",
    ].entries()) {
      ids[mailbox]!.push(
        await store.events.insert({
          event_time: 1_770_000_000 + i,
          host: "web1.example.net",
          type: "login",
          mailbox_address: mailbox,
          ip: "203.0.113.7",
          network: "203.0.113.0/24",
          asn: null,
          as_name: null,
          country: null,
          forward_recipient: null,
        }),
      );
    }
    const listed = await store.events.list({
      mailboxAddress: "alice@example.com",
      hostsGlob: null,
      offset: 0,
      records: 10,
    });
    expect(listed.events.map((e) => e.id)).toStrictEqual([...ids["alice@example.com"]!].reverse());
    expect(listed.more).toBe(false);
  });
});
