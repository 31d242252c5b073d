import { describe, expect, it } from "vitest";
import { csvField } from "./format-csv.js";
import { formatMailboxEventsCsv, formatReportsCsv } from "./format-records-csv.js";

const REPORT_HEADER = 'id,"event time",host,"event type","mailbox address","forward recipient"';

describe("formatReportsCsv", () => {
  it("prints the original's header and times (original.md §11) first, then the forward recipient", () => {
    const csv = formatReportsCsv([
      { id: 2, event_time: 1555588110, host: "host1", type: "login", mailbox_address: "a@b.c" },
      {
        id: 1,
        event_time: 1555513150,
        host: "host1",
        type: "forward_removed",
        mailbox_address: "a@b.c",
        forward_recipient: "x@evil.example",
      },
    ]);
    expect(csv).toBe(
      `${REPORT_HEADER}\n` +
        '2,"2019-04-18 11:48:30 +0000",host1,login,a@b.c,\n' +
        '1,"2019-04-17 14:59:10 +0000",host1,forward_removed,a@b.c,x@evil.example\n',
    );
  });

  it("keeps non-ASCII rows and quotes fields with a space, comma, quote, newline or CR", () => {
    const csv = formatReportsCsv([
      { id: 3, event_time: 0, host: "hôte", type: "login", mailbox_address: "josé@exämple.com" },
      {
        id: 4,
        host: "a b",
        type: "x,y",
        mailbox_address: 'say "hi"',
        forward_recipient: "a,b@c",
      },
      { id: 5, event_time: null, host: "line\nbreak", type: "cr\rhere", mailbox_address: null },
    ]);
    expect(csv).toBe(
      `${REPORT_HEADER}\n` +
        '3,"1970-01-01 00:00:00 +0000",hôte,login,josé@exämple.com,\n' +
        '4,"1970-01-01 00:00:00 +0000","a b","x,y","say ""hi""","a,b@c"\n' +
        '5,"1970-01-01 00:00:00 +0000","line\nbreak","cr\rhere",,\n',
    );
  });

  it("writes a field a spreadsheet would run as a formula as quoted text with a ' in front", () => {
    const csv = formatReportsCsv([
      {
        id: 6,
        event_time: 0,
        host: '=HYPERLINK("http://evil.example","x")',
        type: "+cmd",
        mailbox_address: "@SUM(1+1)",
        forward_recipient: "-2+3",
      },
    ]);
    expect(csv).toBe(
      `${REPORT_HEADER}\n` +
        '6,"1970-01-01 00:00:00 +0000","\'=HYPERLINK(""http://evil.example"",""x"")","\'+cmd","\'@SUM(1+1)","\'-2+3"\n',
    );
    expect(csvField("\tx")).toBe('"\'\tx"');
    expect(csvField("a=b")).toBe("a=b");
  });

  it("prints only the header for no records", () => {
    expect(formatReportsCsv([])).toBe(`${REPORT_HEADER}\n`);
  });
});

describe("formatMailboxEventsCsv", () => {
  it("adds ip from ip_actor.ip_address, then the forward recipient and the class", () => {
    const csv = formatMailboxEventsCsv([
      {
        id: 9,
        event_time: 1555588110,
        host: "host1",
        type: "forward_added",
        mailbox_address: "a@b.c",
        ip_actor: { ip_address: "2001:db8::1" },
        forward_recipient: "attacker@evil.example",
        class: "probably_malicious",
      },
      {
        id: 8,
        event_time: "1555513150" as unknown as number,
        host: "host1",
        type: "login",
        ip_actor: null,
        forward_recipient: null,
        class: null,
      },
    ]);
    expect(csv).toBe(
      'id,"event time",host,"event type","mailbox address",ip,"forward recipient",class\n' +
        '9,"2019-04-18 11:48:30 +0000",host1,forward_added,a@b.c,2001:db8::1,attacker@evil.example,probably_malicious\n' +
        '8,"2019-04-17 14:59:10 +0000",host1,login,,,,\n',
    );
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a b", '"a b"'],
    ['q"q', '"q""q"'],
    ["tab\there", "tab\there"],
  ])("%j → %j", (text, expected) => {
    expect(csvField(text)).toBe(expected);
  });
});
