import { describe, expect, it } from "vitest";
import { HOSTILE, TAKEOVER } from "../test/alert-fixtures.js";
import { formatAlertsCsv, formatAlertsTable } from "./format-alerts.js";

describe("formatAlertsCsv", () => {
  it("prints every field, lists space-separated, hostile strings quoted but kept", () => {
    expect(formatAlertsCsv([TAKEOVER, HOSTILE])).toBe(
      [
        'id,severity,state,rule,"first event time","last event time",hosts,"mailbox addresses",ips,"forward recipients","event ids",summary',
        '42,high,open,takeover-sequence,"2025-12-03 12:40:00 +0000","2025-12-03 12:40:40 +0000",cp1.example.com,alice@example.com,203.0.113.77,attacker@evil.example,"7 9","alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)"',
        `41,low,acknowledged,external-forwarder,"2025-12-02 18:26:40 +0000","2025-12-02 18:26:40 +0000","cp 2 cp,3","""bob""@example.com",,x\u001b[2J@evil.example,3,"bob: forwarder\nto x@evil.example\u202e"`,
        "",
      ].join("\n"),
    );
  });

  it("prints only the header for no alerts", () => {
    expect(formatAlertsCsv([])).toBe(
      'id,severity,state,rule,"first event time","last event time",hosts,"mailbox addresses",ips,"forward recipients","event ids",summary\n',
    );
  });
});

describe("formatAlertsTable", () => {
  it("shows who, what, when and the summary, escaping control and bidi characters", () => {
    expect(formatAlertsTable([HOSTILE])).toBe(
      [
        "id  severity  state         rule                last event time            mailbox addresses  summary",
        "--  --------  ------------  ------------------  -------------------------  -----------------  -----------------------------------------",
        '41  low       acknowledged  external-forwarder  2025-12-02 18:26:40 +0000  "bob"@example.com  bob: forwarder\\nto x@evil.example\\u{202e}',
        "",
      ].join("\n"),
    );
  });
});
