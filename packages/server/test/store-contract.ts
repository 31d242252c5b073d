import type { AlertDraft } from "@spoor/correlation";
import { runCorrelationScenarios } from "@spoor/correlation/memory";
import { beforeEach, describe, expect, it } from "vitest";
import { validateServerConfig } from "../src/index.js";
import type { ServerStore } from "../src/store/server-store.js";
import { sampleEvent as event } from "./sample-event.js";
import { scenarioEngine } from "./scenario-engine.js";

/** Opens a fresh, empty store of one driver (channels: one webhook-like `hook`, medium+). */
export type StoreFactory = () => Promise<ServerStore>;

const T = 1_800_000_000;

const draft = (overrides: Partial<AlertDraft> = {}): AlertDraft => ({
  rule: "shared-destination",
  key: '["x@evil.example"]',
  severity: "high",
  summary: "two mailboxes forward to x@evil.example",
  hosts: ["web1"],
  mailbox_addresses: ["a@example.com"],
  ips: [],
  forward_recipients: ["x@evil.example"],
  event_ids: [],
  first_event_time: T,
  last_event_time: T + 10,
  anchor_first: T,
  anchor_last: T + 10,
  incidents: [],
  ...overrides,
});

/**
 * The store contract (server.md §6: "the same store contract test suite runs against
 * both"): what every driver of `ServerStore` keeps, from single calls to transactions,
 * the outbox and retention, and the correlation scenario suite through the ingest path.
 */
export function describeStoreContract(driver: string, open: StoreFactory): void {
  describe(`store contract: ${driver}`, () => {
    let store: ServerStore;
    beforeEach(async () => {
      store = await open();
      return () => store.close();
    });

    it("keeps credentials: insert, find, list by name, revoke once", async () => {
      await store.credentials.insert({
        name: "web1",
        role: "reporter",
        hosts: "web1*",
        secret_hash: "scrypt$x",
        created_at: T,
      });
      expect(await store.credentials.find("web1")).toMatchObject({
        name: "web1",
        role: "reporter",
        hosts: "web1*",
        secret_hash: "scrypt$x",
        created_at: T,
        revoked_at: null,
      });
      expect(await store.credentials.find("nobody")).toBeUndefined();
      expect(await store.credentials.revoke("web1", T + 5)).toBe(true);
      expect(await store.credentials.revoke("web1", T + 6)).toBe(false);
      expect(await store.credentials.list()).toStrictEqual([
        { name: "web1", role: "reporter", hosts: "web1*", created_at: T, revoked_at: T + 5 },
      ]);
      await expect(
        store.credentials.insert({
          name: "web1",
          role: "analyst",
          hosts: "*",
          secret_hash: "h",
          created_at: T,
        }),
      ).rejects.toThrow();
    });

    it("keeps submissions, reports, counters and stats", async () => {
      const id = await store.reports.insertSubmission("user", "k1", "sha", "web1", T);
      expect(await store.reports.findSubmission("user", "k1")).toStrictEqual({
        id,
        body_sha256: "sha",
      });
      expect(await store.reports.findSubmission("user", "k2")).toBeUndefined();
      const eventId = await store.events.insert(event());
      for (const host of ["web1.example.net", "web2.example.net", "mail1"]) {
        await store.reports.insert({
          submissionId: id,
          eventId,
          time: T,
          host,
          type: "login",
          mailboxAddress: "alice@example.com",
          forwardRecipient: null,
          contentSha256: `c-${host}`,
          entry: "{}",
        });
      }
      expect(await store.reports.hasContent("c-mail1")).toBe(true);
      expect(await store.reports.hasContent("c-other")).toBe(false);
      await store.reports.count("duplicates_collapsed", 3);
      await store.reports.count("latin1_bodies");
      expect(await store.reports.stats()).toStrictEqual({
        reports: 3,
        mailbox_events: 1,
        alerts: 0,
        duplicates_collapsed: 3,
        latin1_bodies: 1,
      });
      const hosts = async (host: string | undefined, glob: string | null) =>
        (await store.reports.list(host, glob, 10)).map((row) => row.host);
      expect(await hosts(undefined, null)).toStrictEqual([
        "mail1",
        "web2.example.net",
        "web1.example.net",
      ]);
      expect(await hosts("mail1", null)).toStrictEqual(["mail1"]);
      expect(await hosts(undefined, "WEB*.example.net")).toStrictEqual([
        "web2.example.net",
        "web1.example.net",
      ]);
      expect(await hosts(undefined, "web?.example.net,mail1")).toHaveLength(3);
      expect(await hosts(undefined, " , ")).toStrictEqual([]);
    });

    it("stores, merges, lists, classifies and assesses mailbox events", async () => {
      const first = await store.events.insert(event());
      const second = await store.events.insert(
        event({
          type: "forward_added",
          host: "web2.example.net",
          forward_recipient: "X@Evil.example",
        }),
      );
      const gone = await store.events.insert(event({ type: "forward_added_partial_ip" }));
      await store.events.remove(gone);
      await store.events.replace({ ...event(), id: first, event_time: T + 1, country: "NL" });
      expect((await store.events.all()).map((e) => [e.id, e.event_time, e.country])).toStrictEqual([
        [first, T + 1, "NL"],
        [second, T, null],
      ]);
      const page = await store.events.list({ hostsGlob: null, offset: 0, records: 1 });
      expect(page.more).toBe(true);
      expect(page.events.map((e) => e.id)).toStrictEqual([second]);
      expect(page.events[0]).toMatchObject({
        ip_actor: { ip_address: "203.0.113.7", network: "203.0.113.0/24" },
        forward_recipient: "X@Evil.example",
        class: null,
        alert_ids: [],
      });
      const byGlob = await store.events.list({ hostsGlob: "web1*", offset: 0, records: 10 });
      expect(byGlob.events.map((e) => e.id)).toStrictEqual([first]);
      await store.events.setClass(first, "probably_malicious");
      expect(await store.events.classOf(first)).toStrictEqual({
        eventClass: "probably_malicious",
        byAnalyst: false,
      });
      expect(await store.events.assess(second, "benign")).toBe(true);
      await store.events.setClass(second, "probably_malicious");
      expect(await store.events.classOf(second)).toStrictEqual({
        eventClass: "benign",
        byAnalyst: true,
      });
      expect(await store.events.assess(999_999, "benign")).toBe(false);
      const unassessed = await store.events.list({
        eventClass: "none",
        hostsGlob: null,
        offset: 0,
        records: 10,
      });
      expect(unassessed.events).toStrictEqual([]);
      const benign = await store.events.list({
        eventClass: "benign",
        host: "web2.example.net",
        hostsGlob: null,
        offset: 0,
        records: 10,
      });
      expect(benign.events.map((e) => e.id)).toStrictEqual([second]);
      expect(await store.events.json(999_999)).toBeUndefined();
    });

    it("answers correlation's history queries", async () => {
      const ids = [];
      for (const [offset, ip] of [
        [0, "203.0.113.7"],
        [100, "198.51.100.1"],
        [200, "203.0.113.7"],
      ] as const) {
        ids.push(await store.events.insert(event({ event_time: T + offset, ip })));
      }
      const base = { kind: "events", key: "q", types: ["login"], limit: null } as const;
      const answer = (query: Record<string, unknown>) =>
        store.history.answer({ ...base, ...query } as never);
      const idsOf = async (query: Record<string, unknown>) =>
        ((await answer(query)) as Array<{ id: number }>).map((e) => e.id);
      expect(await idsOf({ ip: "203.0.113.7", from: T, to: T + 300, order: "asc" })).toStrictEqual([
        ids[0],
        ids[2],
      ]);
      expect(
        await idsOf({
          mailbox: "alice@example.com",
          host: "web1.example.net",
          from: T + 50,
          to: T + 300,
          order: "desc",
          limit: 1,
        }),
      ).toStrictEqual([ids[2]]);
      expect(
        await idsOf({ ip: "203.0.113.7", types: [], from: 0, to: T * 2, order: "asc" }),
      ).toStrictEqual([]);
      expect(
        await store.history.answer({
          kind: "firstSeen",
          key: "f",
          mailbox: "alice@example.com",
          host: "web1.example.net",
          excludeId: ids[0],
        } as never),
      ).toBe(T + 100);
      const domainSeen = (from: number) =>
        store.history.answer({
          kind: "domainSeen",
          key: "d",
          host: "web1.example.net",
          domain: "example.com",
          from,
          to: T + 1000,
        } as never);
      expect(await domainSeen(T)).toBe(true);
      expect(await domainSeen(T + 500)).toBe(false);
    });

    it("opens, looks up, updates, merges, lists and withdraws alerts", async () => {
      const e1 = await store.events.insert(event());
      const e2 = await store.events.insert(event({ host: "web2" }));
      const a = (await store.alerts.apply({ kind: "open", alert: draft({ event_ids: [e1] }) }, T))!;
      const b = (await store.alerts.apply(
        {
          kind: "open",
          alert: draft({
            severity: "medium",
            hosts: ["web2"],
            event_ids: [e2],
            anchor_first: T + 5,
          }),
        },
        T,
      ))!;
      expect(await store.alerts.severitiesOf(e1)).toStrictEqual(["high"]);
      const lookup = { rule: "shared-destination", key: draft().key, from: T, to: T + 10 } as const;
      expect((await store.alerts.lookup(lookup)).map((r) => r.id)).toStrictEqual([a, b]);
      expect(await store.alerts.lookup({ ...lookup, from: T + 20, to: T + 30 })).toStrictEqual([]);
      const merged = draft({ hosts: ["web1", "web2"], event_ids: [e2, e1], summary: "merged" });
      expect(
        await store.alerts.apply(
          { kind: "merge", into: a, from: [b], alert: merged } as never,
          T + 1,
        ),
      ).toBe(a);
      const alert = await store.alerts.byId(a);
      expect(alert).toMatchObject({
        id: a,
        rule: "shared-destination",
        severity: "high",
        state: "open",
        hosts: ["web1", "web2"],
        event_ids: [e1, e2].sort((x, y) => x - y),
        summary: "merged",
        created_at: T,
        updated_at: T + 1,
      });
      expect(await store.alerts.byId(b)).toBeUndefined();
      expect((await store.events.json(e2))?.alert_ids).toStrictEqual([a]);
      const listed = async (filter: Record<string, unknown>) =>
        (await store.alerts.list({ limit: 10, ...filter })).map((x) => x.id);
      expect(await listed({ host: "web2" })).toStrictEqual([a]);
      expect(await listed({ host: "web" })).toStrictEqual([]);
      expect(await listed({ mailboxAddress: "a@example.com", minSeverity: "high" })).toStrictEqual([
        a,
      ]);
      expect(await listed({ state: "resolved" })).toStrictEqual([]);
      expect((await store.alerts.setState(a, "resolved", T + 2))?.state).toBe("resolved");
      expect(await store.alerts.setState(999_999, "resolved", T)).toBeUndefined();
      expect(await listed({ state: "resolved", beforeId: a + 1 })).toStrictEqual([a]);
      expect(await listed({ beforeId: a })).toStrictEqual([]);
      expect((await store.alerts.records())[0]).toMatchObject({
        id: a,
        key: draft().key,
        incidents: [],
      });
      expect(await store.alerts.apply({ kind: "withdraw", id: a } as never, T)).toBeNull();
      expect(await store.alerts.records()).toStrictEqual([]);
    });

    it("keeps hostile strings (U+0000, U+FFFF, quotes) exactly, in lookups and lists too", async () => {
      const mailbox = 'e\u0000v"e\uffff0@example.com';
      const host = 'web\u0000,"x"';
      const id = await store.events.insert(
        event({ mailbox_address: mailbox, host, as_name: "A\u0000" }),
      );
      const [stored] = await store.events.all();
      expect([stored?.mailbox_address, stored?.host, stored?.as_name]).toStrictEqual([
        mailbox,
        host,
        "A\u0000",
      ]);
      const found = await store.history.answer({
        kind: "events",
        key: "q",
        types: ["login"],
        mailbox,
        host,
        from: 0,
        to: T * 2,
        order: "asc",
        limit: null,
      } as never);
      expect((found as Array<{ id: number }>).map((e) => e.id)).toStrictEqual([id]);
      const alert = (await store.alerts.apply(
        {
          kind: "open",
          alert: draft({ hosts: [host, "web2"], mailbox_addresses: [mailbox], event_ids: [id] }),
        },
        T,
      ))!;
      expect((await store.alerts.list({ host, limit: 10 })).map((a) => a.id)).toStrictEqual([
        alert,
      ]);
      expect(
        (await store.alerts.list({ mailboxAddress: mailbox, limit: 10 })).map((a) => a.id),
      ).toStrictEqual([alert]);
      expect(await store.alerts.list({ host: "web", limit: 10 })).toStrictEqual([]);
      expect((await store.alerts.byId(alert))?.hosts).toStrictEqual([host, "web2"]);
    });

    it("keeps the last heartbeat of each host", async () => {
      const beat = { agent_version: "1.0", queue_depth: 0, followers: { login: { lag_bytes: 0 } } };
      await store.heartbeats.record({ host: "web2", ...beat }, T);
      await store.heartbeats.record({ host: "web1", ...beat }, T);
      await store.heartbeats.record({ host: "web2", ...beat, followers: null }, T + 60);
      expect(await store.heartbeats.all()).toStrictEqual([
        { host: "web1", received_at: T },
        { host: "web2", received_at: T + 60 },
      ]);
    });

    it("commits a transaction's work and the outbox rows with it, or neither", async () => {
      const work = async (fail: boolean) =>
        store.transaction(["host:web1"], async (tx) => {
          const id = (await tx.alerts.apply({ kind: "open", alert: draft() }, T))!;
          const alert = (await tx.alerts.byId(id))!;
          const rows = await tx.enqueue({ alert, reason: "opened" });
          if (fail) throw new Error("boom");
          return rows;
        });
      await expect(work(true)).rejects.toThrow("boom");
      expect(await store.alerts.records()).toStrictEqual([]);
      expect(await store.outbox.list()).toStrictEqual([]);
      expect(await work(false)).toBe(1);
      const [row] = await store.outbox.list();
      expect(row).toMatchObject({
        channel: "hook",
        reason: "opened",
        state: "pending",
        attempts: 0,
      });
      const claimed = await store.outbox.claim({
        channel: "hook",
        now: Date.now() + 1000,
        leaseMs: 60_000,
        digest: false,
        limit: 10,
      });
      expect(claimed.map((r) => r.id)).toStrictEqual([row!.id]);
      expect(
        await store.outbox.claim({
          channel: "hook",
          now: Date.now() + 2000,
          leaseMs: 1,
          digest: false,
          limit: 10,
        }),
      ).toStrictEqual([]);
      await store.outbox.markDelivered([row!.id], Date.now());
      expect((await store.outbox.list({ state: "delivered" })).map((r) => r.id)).toStrictEqual([
        row!.id,
      ]);
      const first = await store.outbox.recordSend("hook", 1000, 3_600_000);
      const second = await store.outbox.recordSend("hook", 2000, 3_600_000);
      expect([first, second]).toStrictEqual([
        { start: 1000, sent: 1 },
        { start: 1000, sent: 2 },
      ]);
      expect(await store.outbox.readWindow("hook", 3_601_000, 3_600_000)).toStrictEqual({
        start: 3_601_000,
        sent: 0,
      });
    });

    it("prunes records older than the cutoff, keeping open alerts' evidence", async () => {
      const old = await store.events.insert(event({ event_time: T - 1000 }));
      const kept = await store.events.insert(event({ event_time: T - 1000, host: "web2" }));
      const recent = await store.events.insert(event({ event_time: T }));
      await store.alerts.apply(
        { kind: "open", alert: draft({ event_ids: [kept], last_event_time: T - 1000 }) },
        T,
      );
      expect(await store.prune(T - 10)).toStrictEqual({ reports: 0, mailbox_events: 1, alerts: 0 });
      expect((await store.events.all()).map((e) => e.id)).toStrictEqual([kept, recent]);
      expect(old).toBeLessThan(kept);
    });

    it("gives every correlation scenario's expected alerts in every arrival order", async () => {
      const config = validateServerConfig(undefined);
      const results = await runCorrelationScenarios(async () => {
        await store.close();
        store = await open();
        return scenarioEngine(store, config);
      });
      expect(results.length).toBeGreaterThan(10);
      expect(
        results.filter((r) => !r.ok).map((r) => [r.name, r.arrival, r.problems]),
      ).toStrictEqual([]);
    }, 600_000);
  });
}
