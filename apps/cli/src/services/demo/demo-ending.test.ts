import type { Alert } from "@spoor/api-client";
import { describe, expect, it } from "vitest";
import { describeDemoEnding } from "./demo-ending.js";

const base: Alert = {
  id: 1,
  rule: "novel-login",
  severity: "info",
  state: "open",
  hosts: ["vm"],
  mailbox_addresses: ["alice@example.com"],
  ips: ["203.0.113.77"],
  forward_recipients: [],
  event_ids: [31],
  summary: "alice@example.com: first login from 203.0.113.0/24 in 30 days",
  first_event_time: 1,
  last_event_time: 1,
  created_at: 2,
  updated_at: 2,
};
const takeover: Alert = {
  ...base,
  id: 3,
  rule: "takeover-sequence",
  severity: "high",
  summary:
    "alice@example.com: forwarder to attacker@evil.example added 1 s after the first login from 203.0.113.77",
};

describe("describeDemoEnding", () => {
  it("puts the most severe alert first and says what the webhook got", () => {
    expect(
      describeDemoEnding(
        [base, takeover],
        [
          {
            deliveryId: "d",
            signatureValid: true,
            body: { id: 3, rule: "takeover-sequence", severity: "high", reason: "opened" },
          },
        ],
      ),
    ).toEqual([
      "ALERT high takeover-sequence: alice@example.com: forwarder to attacker@evil.example added 1 s after the first login from 203.0.113.77",
      "ALERT info novel-login: alice@example.com: first login from 203.0.113.0/24 in 30 days",
      "Webhook received 1 notification (signature valid): HIGH takeover-sequence alert 3 opened",
    ]);
  });

  it("escapes the server's strings and says when a signature was wrong", () => {
    expect(
      describeDemoEnding(
        [{ ...takeover, summary: "x\u001b[2J\ny" }],
        [
          { deliveryId: "a", signatureValid: true, body: { digest: true } },
          { deliveryId: "b", signatureValid: false, body: undefined },
        ],
      ),
    ).toEqual([
      "ALERT high takeover-sequence: x\\u{1b}[2J\\ny",
      "Webhook received 2 notifications (1 with an INVALID signature): a digest, an unreadable body",
    ]);
  });

  it("says so when nothing was raised or received", () => {
    expect(describeDemoEnding([], [])).toEqual([
      "No alert was raised.",
      "Webhook received no notification.",
    ]);
  });
});
