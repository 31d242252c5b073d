import { describe, expect, it } from "vitest";
import { makeAlert } from "../test/alert-fixture.js";
import { formatEmail } from "./format-email.js";
import type { NotifyAlert } from "./notify-alert.js";

function alert(id: number): NotifyAlert {
  return makeAlert({
    id,
    rule: "ip-spray",
    mailbox_addresses: Array.from({ length: 22 }, (_, index) => `m${index}@example.com`),
    ips: ["198.51.100.9"],
    forward_recipients: [],
    event_ids: [id * 10],
    summary: `198.51.100.9 logged in to 22 mailboxes within 1 h (${id})`,
  });
}

describe("formatEmail", () => {
  it("writes a digest: one block per listed alert, long lists cut, the rest counted", () => {
    const mail = formatEmail({
      kind: "digest",
      delivery_id: "digest-x",
      items: [
        { reason: "opened", alert: alert(1) },
        { reason: "raised", alert: alert(2) },
      ],
      omitted: 3,
    });
    expect(mail.subject).toBe("[spoor] digest of 5 alerts");
    const lines = mail.text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "5 alerts arrived over this channel's hourly limit; they are listed here instead of one mail each.",
      "",
      "Alert:        1 (ip-spray, high, opened)",
      "Summary:      198.51.100.9 logged in to 22 mailboxes within 1 h (1)",
    ]);
    expect(lines).toContain(
      `Mailboxes:    ${Array.from({ length: 20 }, (_, index) => `m${index}@example.com`).join(", ")} and 2 more`,
    );
    expect(lines).toContain("Alert:        2 (ip-spray, high, raised)");
    expect(lines).toContain("Forwarded to: -");
    expect(lines).toContain("Console:      (public_url is not configured)");
    expect(lines.slice(-5)).toEqual([
      "… and 3 more alerts (see the console).",
      "",
      "-- ",
      "spoor notification digest-x",
      "",
    ]);
  });
});
