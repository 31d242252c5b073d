import { afterEach, describe, expect, it } from "vitest";
import type { AlertJson, MailboxEventJson } from "../src/index.js";
import { BASIC, rawRequest, runCleanups, serverWithClient } from "./helpers.js";

afterEach(runCleanups);

const DAY = 86_400;
const T0 = 1_764_000_000;
const MAILBOX = "alice@example.com";

/** Ten days of logins from home, then a login from a new network and a forwarder 40 s later. */
function takeover(): Array<Record<string, unknown>> {
  const entries: Array<Record<string, unknown>> = [];
  for (let day = 0; day < 10; day++) {
    entries.push({
      type: "login",
      time: T0 + day * DAY,
      host: "web1",
      mailbox_address: MAILBOX,
      ip: "198.51.100.20",
      context: "mailbox",
    });
  }
  const t = T0 + 10 * DAY;
  entries.push({
    type: "login",
    time: t,
    host: "web1",
    mailbox_address: MAILBOX,
    ip: "203.0.113.77",
    context: "mailbox",
  });
  entries.push({
    type: "forward_added_partial_ip",
    time: t + 40,
    host: "web1",
    mailbox_address: MAILBOX,
    ip: "203.0.113.77",
    context: "mailbox",
  });
  entries.push({
    type: "forward_added_partial_recipient",
    time: t + 41,
    host: "web1",
    mailbox_address: MAILBOX,
    forward_recipient: "attacker@evil.example",
    context: "mailbox",
  });
  return entries;
}

async function json<T>(
  url: string,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; body: T }> {
  const answer = await rawRequest(url, {
    method: init.method ?? "GET",
    path,
    headers: { authorization: BASIC, ...(init.body ? { "content-type": "application/json" } : {}) },
    body: init.body,
  });
  return { status: answer.status, body: JSON.parse(answer.body) as T };
}

async function ingestTakeover(url: string): Promise<void> {
  const answer = await rawRequest(url, {
    method: "POST",
    path: "/api/reports",
    headers: {
      authorization: BASIC,
      "content-type": "application/json",
      "idempotency-key": "takeover-1",
    },
    body: JSON.stringify({ report: { entries: takeover(), metadata: { reporter: "web1" } } }),
  });
  expect(answer.status).toBe(202);
}

describe("alerts from a takeover", () => {
  it("merges the forwarder halves, raises the takeover alert and marks its evidence", async () => {
    const { server } = await serverWithClient();
    await ingestTakeover(server.url);
    const { body } = await json<{ alerts: AlertJson[] }>(server.url, "/api/alerts");
    const takeoverAlert = body.alerts.find((alert) => alert.rule === "takeover-sequence");
    expect(takeoverAlert).toMatchObject({
      severity: "high",
      state: "open",
      hosts: ["web1"],
      mailbox_addresses: [MAILBOX],
      forward_recipients: ["attacker@evil.example"],
    });
    expect(takeoverAlert!.summary).toContain(MAILBOX);
    expect(takeoverAlert!.summary).toContain("attacker@evil.example");
    expect(body.alerts.map((alert) => alert.id)).toStrictEqual(
      [...body.alerts.map((alert) => alert.id)].sort((a, b) => b - a),
    );
    const events = await json<{ mailbox_events: MailboxEventJson[]; more_records: boolean }>(
      server.url,
      "/api/mailbox_events?mailbox_events%5Bhost%5D=web1",
    );
    const forward = events.body.mailbox_events.filter((e) => e.type.startsWith("forward_added"));
    expect(forward).toHaveLength(1);
    expect(forward[0]).toMatchObject({
      type: "forward_added",
      forward_recipient: "attacker@evil.example",
      ip_actor: { ip_address: "203.0.113.77", network: "203.0.113.0/24" },
      class: "probably_malicious",
    });
    expect(forward[0]!.alert_ids).toContain(takeoverAlert!.id);
    // The raw report of each half stays listed.
    const reports = await json<{ reports: Array<{ type: string }> }>(
      server.url,
      "/api/reports?reports%5Bhost%5D=web1",
    );
    expect(reports.body.reports.map((r) => r.type).slice(0, 2)).toStrictEqual([
      "forward_added_partial_recipient",
      "forward_added_partial_ip",
    ]);
  });

  it("filters alerts, pages with before_id and limit, and takes a state change", async () => {
    const { server } = await serverWithClient();
    await ingestTakeover(server.url);
    const all = (await json<{ alerts: AlertJson[] }>(server.url, "/api/alerts")).body.alerts;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const high = (
      await json<{ alerts: AlertJson[] }>(server.url, "/api/alerts?alerts%5Bmin_severity%5D=high")
    ).body.alerts;
    expect(high.every((alert) => alert.severity === "high")).toBe(true);
    expect(high.length).toBeGreaterThan(0);
    const none = await json<{ alerts: AlertJson[] }>(
      server.url,
      "/api/alerts?alerts%5Bhost%5D=web2",
    );
    expect(none.body.alerts).toStrictEqual([]);
    const mailbox = await json<{ alerts: AlertJson[] }>(
      server.url,
      `/api/alerts?alerts%5Bmailbox_address%5D=${encodeURIComponent(MAILBOX)}`,
    );
    expect(mailbox.body.alerts).toHaveLength(all.length);
    const page = await json<{ alerts: AlertJson[] }>(
      server.url,
      `/api/alerts?limit=1&before_id=${all[0]!.id}`,
    );
    expect(page.body.alerts.map((a) => a.id)).toStrictEqual([all[1]!.id]);
    const patched = await json<AlertJson>(server.url, `/api/alerts/${all[0]!.id}`, {
      method: "PATCH",
      body: '{"state":"acknowledged"}',
    });
    expect(patched).toMatchObject({ status: 200, body: { id: all[0]!.id, state: "acknowledged" } });
    const acknowledged = await json<{ alerts: AlertJson[] }>(
      server.url,
      "/api/alerts?alerts%5Bstate%5D=acknowledged",
    );
    expect(acknowledged.body.alerts.map((a) => a.id)).toStrictEqual([all[0]!.id]);
    for (const [path, body, status] of [
      [`/api/alerts/${all[0]!.id}`, '{"state":"closed"}', 400],
      ["/api/alerts/999999", '{"state":"resolved"}', 404],
      [`/api/alerts/${all[0]!.id}`, "[1]", 400],
    ] as const) {
      expect((await json(server.url, path, { method: "PATCH", body })).status).toBe(status);
    }
    for (const query of [
      "limit=0",
      "limit=1001",
      "alerts%5Bmin_severity%5D=urgent",
      "before_id=x",
      "limit=1&limit=2",
    ]) {
      expect((await json(server.url, `/api/alerts?${query}`)).status).toBe(400);
    }
  });

  it("keeps an analyst's assessment, filters by class and pages with offset/records", async () => {
    const { server } = await serverWithClient();
    await ingestTakeover(server.url);
    const page = await json<{ mailbox_events: MailboxEventJson[]; more_records: boolean }>(
      server.url,
      "/api/mailbox_events?mailbox_events%5Bhost%5D=web1&offset=0&records=5",
    );
    expect(page.body.mailbox_events).toHaveLength(5);
    expect(page.body.more_records).toBe(true);
    const rest = await json<{ mailbox_events: MailboxEventJson[]; more_records: boolean }>(
      server.url,
      "/api/mailbox_events?mailbox_events%5Bhost%5D=web1&offset=5&records=100",
    );
    expect(rest.body.more_records).toBe(false);
    expect(page.body.mailbox_events.length + rest.body.mailbox_events.length).toBe(12);
    const malicious = page.body.mailbox_events.find((e) => e.class === "probably_malicious")!;
    const assessed = await json<MailboxEventJson>(
      server.url,
      `/api/mailbox_events/${malicious.id}`,
      {
        method: "PATCH",
        body: '{"class":"benign"}',
      },
    );
    expect(assessed.body).toMatchObject({ id: malicious.id, class: "benign" });
    const benign = await json<{ mailbox_events: MailboxEventJson[] }>(
      server.url,
      "/api/mailbox_events?mailbox_events%5Bclass%5D=benign",
    );
    expect(benign.body.mailbox_events.map((e) => e.id)).toStrictEqual([malicious.id]);
    const cleared = await json<MailboxEventJson>(
      server.url,
      `/api/mailbox_events/${malicious.id}`,
      {
        method: "PATCH",
        body: '{"class":null}',
      },
    );
    expect(cleared.body.class).toBe("probably_malicious");
    expect(
      (
        await json(server.url, `/api/mailbox_events/${malicious.id}`, {
          method: "PATCH",
          body: '{"class":"evil"}',
        })
      ).status,
    ).toBe(400);
  });

  it("gives the same alerts when the entries arrive shuffled, one report each, and again", async () => {
    const { server: ordered } = await serverWithClient();
    await ingestTakeover(ordered.url);
    const { server: shuffled } = await serverWithClient();
    const entries = takeover().reverse();
    for (const _round of [0, 1]) {
      for (const entry of entries) {
        const answer = await rawRequest(shuffled.url, {
          method: "POST",
          path: "/api/reports",
          headers: { authorization: BASIC, "content-type": "application/json" },
          body: JSON.stringify({ report: { entries: [entry], metadata: { reporter: "web1" } } }),
        });
        expect(answer.status).toBe(202);
      }
    }
    const shape = (alerts: AlertJson[]) =>
      alerts
        .map((a) => [
          a.rule,
          a.severity,
          a.mailbox_addresses,
          a.forward_recipients,
          a.first_event_time,
          a.last_event_time,
        ])
        .sort();
    const a = (await json<{ alerts: AlertJson[] }>(ordered.url, "/api/alerts")).body.alerts;
    const b = (await json<{ alerts: AlertJson[] }>(shuffled.url, "/api/alerts")).body.alerts;
    expect(shape(b)).toStrictEqual(shape(a));
  });
});
