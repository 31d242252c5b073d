import { expect, it } from "vitest";
import { displayWidth } from "./display-width.js";
import { formatRecordsTable } from "./format-records-table.js";

it("aligns report columns by terminal width, wide and combining characters included", () => {
  const table = formatRecordsTable("report", [
    {
      id: 12,
      event_time: 1555588110,
      host: "東京.example",
      type: "login",
      mailbox_address: "a@b.c",
    },
    {
      id: 3,
      event_time: 1555513150,
      host: "cafe\u0301",
      type: "forward_removed",
      mailbox_address: "x@y.z",
      forward_recipient: "r@q.example",
    },
  ]);
  expect(table).toBe(
    [
      "id  event time                 host          event type       mailbox address  forward recipient",
      "--  -------------------------  ------------  ---------------  ---------------  -----------------",
      "12  2019-04-18 11:48:30 +0000  東京.example  login            a@b.c",
      "3   2019-04-17 14:59:10 +0000  cafe\u0301          forward_removed  x@y.z            r@q.example",
      "",
    ].join("\n"),
  );
});

it("adds ip, forward recipient and class for mailbox events, escaping control and bidi characters", () => {
  const table = formatRecordsTable("mailbox_event", [
    {
      id: 1,
      event_time: 0,
      host: "h\n1",
      type: "\u001b[31mred",
      mailbox_address: "\u202eevil",
      ip_actor: { ip_address: "10.0.0.1" },
      forward_recipient: "a\u2066@evil",
      class: "benign",
    },
  ]);
  expect(table).toBe(
    [
      "id  event time                 host  event type     mailbox address  ip        forward recipient  class",
      "--  -------------------------  ----  -------------  ---------------  --------  -----------------  ------",
      "1   1970-01-01 00:00:00 +0000  h\\n1  \\u{1b}[31mred  \\u{202e}evil     10.0.0.1  a\\u{2066}@evil     benign",
      "",
    ].join("\n"),
  );
});

it("prints the header and rule for no records", () => {
  expect(formatRecordsTable("report", [])).toBe(
    "id  event time  host  event type  mailbox address  forward recipient\n" +
      "--  ----------  ----  ----------  ---------------  -----------------\n",
  );
});

it("measures display width", () => {
  expect(["abc", "東京", "e\u0301", "👍🏽", "\u200b", ""].map(displayWidth)).toStrictEqual([
    3, 4, 1, 2, 0, 0,
  ]);
});
