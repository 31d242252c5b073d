import { describe, expect, it } from "vitest";
import { alertsPath, mailboxEventsPath, parseRoute, routeHash } from "../src/browser/route.js";

describe("console routes", () => {
  it("reads every view from the hash, the queue defaulting to severity medium and up", () => {
    expect(parseRoute("")).toStrictEqual({ view: "alerts", filters: { min_severity: "medium" } });
    expect(
      parseRoute("#/alerts?min_severity=any&state=open&host=web1&mailbox=a%40b.c"),
    ).toStrictEqual({
      view: "alerts",
      filters: { min_severity: "any", state: "open", host: "web1", mailbox: "a@b.c" },
    });
    expect(parseRoute("#/alerts/42")).toStrictEqual({ view: "alert", id: 42 });
    expect(parseRoute("#/alerts/0")).toMatchObject({ view: "alerts" });
    expect(parseRoute("#/hosts")).toStrictEqual({ view: "hosts" });
    expect(parseRoute("#/mailboxes/%22%3E%3Cscript%3E%40x")).toStrictEqual({
      view: "mailbox",
      address: '"><script>@x',
    });
    expect(parseRoute("#/mailboxes/%E0%A4%A")).toMatchObject({ view: "alerts" });
  });

  it("writes hashes that read back as the same route", () => {
    for (const route of [
      { view: "alerts", filters: { min_severity: "medium" } },
      { view: "alerts", filters: { min_severity: "any", host: "<img src=x>", mailbox: "a b&c" } },
      { view: "alert", id: 7 },
      { view: "mailbox", address: "a/b#c?d@example.com" },
      { view: "hosts" },
    ] as const) {
      expect(parseRoute(routeHash(route))).toStrictEqual(route);
    }
    expect(routeHash({ view: "alerts", filters: { min_severity: "medium" } })).toBe("#/alerts");
  });

  it("builds the API query of the queue's filters", () => {
    expect(alertsPath({ min_severity: "any" }, 100)).toBe("/api/alerts?limit=100");
    expect(
      alertsPath({ min_severity: "high", state: "open", host: "h&1", mailbox: "m@x" }, 100, 55),
    ).toBe(
      "/api/alerts?alerts%5Bmin_severity%5D=high&alerts%5Bstate%5D=open&alerts%5Bhost%5D=h%261&alerts%5Bmailbox_address%5D=m%40x&limit=100&before_id=55",
    );
  });

  it("builds the API path of a mailbox's events", () => {
    expect(mailboxEventsPath("a+b@example.com", 500)).toBe(
      "/api/mailbox_events?mailbox_events%5Bmailbox_address%5D=a%2Bb%40example.com&records=500",
    );
  });
});
