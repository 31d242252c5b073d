import { describe, expect, it } from "vitest";
import { freshPostgresStore, usePostgres } from "./postgres-fixture.js";
import { SAMPLE_TIME, sampleEvent } from "./sample-event.js";

// GET /api/mailbox_events?mailbox_events[mailbox_address]=… on PostgreSQL.
const postgres = usePostgres();

describe("postgres event list", () => {
  const store = freshPostgresStore(postgres);

  it("lists only the events of the mailbox asked for", async () => {
    const ids: Record<string, number[]> = { "alice@example.com": [], "bob@example.com": [] };
    for (const [i, mailbox] of [
      "alice@example.com",
      "bob@example.com",
      "alice@example.com",
    ].entries()) {
      ids[mailbox]!.push(
        await store().events.insert(
          sampleEvent({ event_time: SAMPLE_TIME + i, mailbox_address: mailbox }),
        ),
      );
    }
    const listed = await store().events.list({
      mailboxAddress: "alice@example.com",
      hostsGlob: null,
      offset: 0,
      records: 10,
    });
    expect(listed.events.map((e) => e.id)).toStrictEqual([...ids["alice@example.com"]!].reverse());
    expect(listed.more).toBe(false);
  });
});
