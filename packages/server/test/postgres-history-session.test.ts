import type { HistoryQuery } from "@spoor/correlation";
import { describe, expect, it } from "vitest";
import type { NewMailboxEvent } from "../src/store/event-store.js";
import { freshPostgresStore, usePostgres } from "./postgres-fixture.js";

// The PostgreSQL history session answers from windows read ahead or loaded on a miss, and
// falls back to one statement per query for a crowded scope: every answer must be the one
// the database gives the same query directly, inside the same transaction.
const postgres = usePostgres();
const DAY = 86_400;
const T = 1_770_000_000;
const HOSTS = ["web1.example.net", "web2.example.net"];
const MAILBOXES = ["alice@example.com", "bob@example.com", "carol@other.example"];
const IPS = ["203.0.113.7", "198.51.100.1", "2001:db8::1", "192.0.2.9"];
const TYPES = [
  "login",
  "forward_added",
  "forward_removed",
  "forward_added_partial_recipient",
  "mailbox_password_changed",
];
const RECIPIENTS = [null, "drop@evil.example", "Archive@Example.com", "x@other.example"];

let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

function randomEvent(time: number): NewMailboxEvent {
  const ip = pick(IPS);
  return {
    event_time: time,
    host: pick(HOSTS),
    type: pick(TYPES),
    mailbox_address: random() < 0.05 ? null : pick(MAILBOXES),
    ip,
    network: ip.includes(":") ? "2001:db8::/48" : `${ip.split(".").slice(0, 3).join(".")}.0/24`,
    asn: null,
    as_name: null,
    country: null,
    forward_recipient: pick(RECIPIENTS),
  };
}

function randomQuery(n: number): HistoryQuery {
  const kind = random();
  if (kind < 0.1) {
    return {
      kind: "firstSeen",
      key: `f${n}`,
      host: pick(HOSTS),
      mailbox: pick(MAILBOXES),
      excludeId: Math.floor(random() * 400),
    };
  }
  if (kind < 0.2) {
    const from = T + Math.floor((random() - 0.5) * 200 * DAY);
    return {
      kind: "domainSeen",
      key: `d${n}`,
      host: pick(HOSTS),
      domain: pick(["example.com", "other.example", "nowhere.example"]),
      from,
      to: from + Math.floor(random() * 90 * DAY),
    };
  }
  // A filter set correlation uses, or an odd one.
  const scopes = [
    ["host", "mailbox"],
    ["host", "mailbox", "network"],
    ["ip"],
    ["host", "recipientDomain"],
    ["recipientKey"],
    ["network", "ip"],
  ] as const;
  const values = {
    host: pick(HOSTS),
    mailbox: pick(MAILBOXES),
    ip: pick(IPS),
    network: pick(["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/48"]),
    recipientDomain: pick(["example.com", "evil.example", "other.example"]),
    recipientKey: pick(["drop@evil.example", "archive@example.com", "x@other.example"]),
  };
  const scope = pick(scopes);
  const width = pick([3600, 6 * 3600, DAY, 30 * DAY, 90 * DAY, 400 * DAY]);
  const from = T + Math.floor((random() - 0.5) * 240 * DAY);
  return {
    kind: "events",
    key: `e${n}`,
    ...Object.fromEntries(scope.map((field) => [field, values[field]])),
    types: TYPES.filter(() => random() < 0.5),
    from,
    to: from + width,
    order: random() < 0.5 ? "asc" : "desc",
    limit: random() < 0.5 ? null : pick([0, 1, 2, 20]),
  } as HistoryQuery;
}

describe("postgres history session", () => {
  const store = freshPostgresStore(postgres);

  it("answers every query as the database does, crowded scopes and misses included", async () => {
    // Committed history over 200 days, and a crowded mailbox (more than a window holds).
    await store().transaction([], async (tx) => {
      for (let i = 0; i < 300; i += 1) {
        await tx.events.insert(randomEvent(T + Math.floor((random() - 0.5) * 200 * DAY)));
      }
      for (let i = 0; i < 520; i += 1) {
        await tx.events.insert({
          ...randomEvent(T + i * 60),
          host: HOSTS[0]!,
          mailbox_address: MAILBOXES[0]!,
          type: "login",
        });
      }
    });
    await store().transaction(["host:web1.example.net"], async (tx) => {
      // The transaction's own events (still in its write buffer when the session starts).
      for (let i = 0; i < 12; i += 1) {
        await tx.events.insert(randomEvent(T + Math.floor((random() - 0.5) * 20 * DAY)));
      }
      const session = tx.history.session!();
      for (let n = 0; n < 400; n += 1) {
        const query = randomQuery(n);
        const expected = await tx.history.answer(query);
        expect(await session.answer(query), JSON.stringify(query)).toStrictEqual(expected);
        // Asked again: the remembered answer.
        expect(await session.answer(query)).toStrictEqual(expected);
      }
    });
  });
});
