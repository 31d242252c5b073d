import { describe, expect, it } from "vitest";
import { asnText, formatAge, formatTime, stateLabel, typeLabel } from "../src/browser/format.js";
import { networksOf } from "../src/browser/networks.js";
import type { MailboxEvent } from "../src/browser/types.js";

const event = (id: number, time: number | null, network: string | null): MailboxEvent => ({
  id,
  event_time: time,
  host: "web1",
  type: "login",
  mailbox_address: "a@example.com",
  ip_actor: {
    ip_address: null,
    network,
    asn: network ? 64500 : null,
    as_name: null,
    country: "DE",
  },
  forward_recipient: null,
  class: null,
  alert_ids: [],
});

describe("console formatting", () => {
  it("formats times, ages, ASNs, states and event types", () => {
    expect(formatTime(1_764_864_000)).toBe("2025-12-04 16:00:00 UTC");
    expect([formatTime(null), formatTime(Number.NaN), formatTime(1e20)]).toStrictEqual([
      "—",
      "—",
      "—",
    ]);
    expect([
      formatAge(null, 0),
      formatAge(100, 145),
      formatAge(0, 900),
      formatAge(0, 36_000),
      formatAge(0, 864_000),
    ]).toStrictEqual(["never", "45 s ago", "15 min ago", "10 h ago", "10 d ago"]);
    expect([asnText(null, "x"), asnText(64500, null), asnText(64500, "EXAMPLE")]).toStrictEqual([
      "—",
      "AS64500",
      "AS64500 EXAMPLE",
    ]);
    expect(stateLabel("false_positive")).toBe("false positive");
    expect([
      typeLabel("forward_removed"),
      typeLabel("<b>x</b>"),
      typeLabel("constructor"),
    ]).toStrictEqual(["Forwarder removed", "<b>x</b>", "constructor"]);
  });

  it("sums a mailbox's networks, most recently used first", () => {
    const uses = networksOf([
      event(1, 100, "192.0.2.0/24"),
      event(2, 300, "198.51.100.0/24"),
      event(3, 50, "192.0.2.0/24"),
      event(4, 200, null),
      event(5, null, "192.0.2.0/24"),
    ]);
    expect(uses).toStrictEqual([
      {
        network: "198.51.100.0/24",
        asn: 64500,
        as_name: null,
        country: "DE",
        events: 1,
        first_event_time: 300,
        last_event_time: 300,
      },
      {
        network: "192.0.2.0/24",
        asn: 64500,
        as_name: null,
        country: "DE",
        events: 3,
        first_event_time: 50,
        last_event_time: 100,
      },
    ]);
  });
});
