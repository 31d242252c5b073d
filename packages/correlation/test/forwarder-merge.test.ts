import { describe, expect, it } from "vitest";
import { decideForwarderMerge, forwarderPartnerQuery, type MailboxEvent } from "../src/index.js";

function event(
  id: number,
  type: string,
  time: number,
  extra: Partial<MailboxEvent> = {},
): MailboxEvent {
  return {
    id,
    event_time: time,
    host: "web1",
    type,
    mailbox_address: "alice@example.com",
    ip: null,
    network: null,
    asn: null,
    as_name: null,
    country: null,
    forward_recipient: null,
    ...extra,
  };
}

const ipHalf = event(1, "forward_added_partial_ip", 1000, {
  ip: "203.0.113.77",
  network: "203.0.113.0/24",
  asn: 64500,
  as_name: "Example Hosting",
  country: "NL",
});
const recipientHalf = event(2, "forward_added_partial_recipient", 1001, {
  forward_recipient: "attacker@evil.example",
});

describe("forwarderPartnerQuery", () => {
  it("asks for the other half of the same host and mailbox within 120 s", () => {
    expect(forwarderPartnerQuery(ipHalf)).toMatchObject({
      kind: "events",
      host: "web1",
      mailbox: "alice@example.com",
      types: ["forward_added_partial_recipient"],
      from: 880,
      to: 1120,
    });
    expect(forwarderPartnerQuery(recipientHalf)).toMatchObject({
      types: ["forward_added_partial_ip"],
      from: 881,
      to: 1121,
    });
    expect(forwarderPartnerQuery(event(3, "login", 1000))).toBeNull();
    expect(
      forwarderPartnerQuery(event(3, "forward_added_partial_ip", 1000, { mailbox_address: null })),
    ).toBeNull();
  });
});

describe("decideForwarderMerge", () => {
  const merged = {
    id: 1,
    event_time: 1001,
    host: "web1",
    type: "forward_added",
    mailbox_address: "alice@example.com",
    ip: "203.0.113.77",
    network: "203.0.113.0/24",
    asn: 64500,
    as_name: "Example Hosting",
    country: "NL",
    forward_recipient: "attacker@evil.example",
  };

  it("merges the recipient half into a stored ip half", () => {
    expect(decideForwarderMerge(recipientHalf, [ipHalf])).toEqual({
      kind: "merge",
      partnerId: 1,
      event: merged,
    });
  });

  it("merges the ip half into a stored recipient half (either order)", () => {
    expect(decideForwarderMerge(ipHalf, [recipientHalf])).toEqual({
      kind: "merge",
      partnerId: 2,
      event: { ...merged, id: 2 },
    });
  });

  it("leaves a half alone past 120 s, or with a partner of another mailbox or host", () => {
    expect(decideForwarderMerge(recipientHalf, [{ ...ipHalf, event_time: 880 }])).toEqual({
      kind: "standalone",
    });
    expect(decideForwarderMerge(recipientHalf, [{ ...ipHalf, event_time: 881 }])).toMatchObject({
      kind: "merge",
    });
    expect(
      decideForwarderMerge(recipientHalf, [{ ...ipHalf, mailbox_address: "bob@example.com" }]),
    ).toEqual({ kind: "standalone" });
    expect(decideForwarderMerge(recipientHalf, [{ ...ipHalf, host: "web2" }])).toEqual({
      kind: "standalone",
    });
    expect(decideForwarderMerge(recipientHalf, [])).toEqual({ kind: "standalone" });
    expect(decideForwarderMerge(event(5, "login", 1000), [ipHalf])).toEqual({ kind: "standalone" });
  });

  it("picks the nearest partner, then the lowest id", () => {
    const far = { ...ipHalf, id: 7, event_time: 1100 };
    const near = { ...ipHalf, id: 9, event_time: 1002 };
    const tie = { ...ipHalf, id: 8, event_time: 1000 };
    expect(decideForwarderMerge(recipientHalf, [far, near, tie])).toMatchObject({ partnerId: 8 });
  });
});
