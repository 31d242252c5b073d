import { beforeEach, describe, expect, it } from "vitest";
import type { NotifyOutbox, OutboxChannel, OutboxOptions } from "../src/index.js";
import { makeAlert } from "./alert-fixture.js";

/** Builds a fresh, empty outbox of one driver. */
export type OutboxFactory = (options: OutboxOptions) => NotifyOutbox;

const CHANNELS: OutboxChannel[] = [
  { name: "hook", min_severity: "medium" },
  { name: "pager", min_severity: "high" },
];
const T0 = 1_800_000_000_000;

/**
 * The contract every outbox driver keeps (memory, SQLite; PostgreSQL later): one suite,
 * several drivers, like unstorage's.
 */
export function describeOutboxContract(driver: string, factory: OutboxFactory): void {
  describe(`outbox contract: ${driver}`, () => {
    let now = T0;
    let outbox: NotifyOutbox;
    beforeEach(() => {
      now = T0;
      outbox = factory({ channels: CHANNELS, clock: () => now });
    });

    it("enqueues one pending row per channel the severity reaches, with the alert snapshot", async () => {
      const alert = makeAlert({ severity: "medium" });
      expect(await outbox.enqueue({ alert, reason: "opened" })).toEqual({ rows: 1 });
      const [row] = await outbox.list();
      expect(row).toEqual({
        id: expect.any(Number),
        channel: "hook",
        alert_id: 17,
        reason: "opened",
        severity: "medium",
        delivery_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        alert,
        state: "pending",
        digest: false,
        attempts: 0,
        next_attempt_at: T0,
        created_at: T0,
        delivered_at: null,
        last_error: null,
      });
      expect(
        await outbox.enqueue({ alert: makeAlert({ id: 18, severity: "low" }), reason: "opened" }),
      ).toEqual({ rows: 0 });
    });

    it("is idempotent for the same alert, reason and severity; a rise is a new event", async () => {
      const opened = { alert: makeAlert({ severity: "medium" }), reason: "opened" as const };
      await outbox.enqueue(opened);
      expect(await outbox.enqueue(opened)).toEqual({ rows: 0 });
      const raised = { alert: makeAlert({ severity: "high" }), reason: "raised" as const };
      expect(await outbox.enqueue(raised)).toEqual({ rows: 2 });
      expect(await outbox.enqueue(raised)).toEqual({ rows: 0 });
      const rows = await outbox.list();
      expect(rows.map((row) => [row.channel, row.reason, row.severity])).toEqual([
        ["hook", "opened", "medium"],
        ["hook", "raised", "high"],
        ["pager", "raised", "high"],
      ]);
      expect(new Set(rows.map((row) => row.delivery_id)).size).toBe(3);
    });

    it("rejects a reason it does not know", () => {
      expect(() => outbox.enqueue({ alert: makeAlert(), reason: "joined" as never })).toThrow(
        TypeError,
      );
    });

    it("claims a row once per lease and again after the lease ends (a crashed attempt)", async () => {
      await outbox.enqueue({ alert: makeAlert(), reason: "opened" });
      const request = { channel: "hook", now, leaseMs: 1000, digest: false, limit: 10 };
      const [first] = await outbox.claim(request);
      expect(first?.channel).toBe("hook");
      expect(await outbox.claim(request)).toEqual([]);
      expect(await outbox.nextDueAt("hook")).toBe(T0 + 1000);
      const again = await outbox.claim({ ...request, now: T0 + 1000 });
      expect(again.map((row) => row.id)).toEqual([first?.id]);
    });

    it("claims oldest first, within the limit, one channel at a time", async () => {
      for (const id of [1, 2, 3])
        await outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
      const claimed = await outbox.claim({
        channel: "pager",
        now,
        leaseMs: 1000,
        digest: false,
        limit: 2,
      });
      expect(claimed.map((row) => [row.channel, row.alert_id])).toEqual([
        ["pager", 1],
        ["pager", 2],
      ]);
    });

    it("schedules a retry: releases the claim, counts the failure, due again at the given time", async () => {
      await outbox.enqueue({ alert: makeAlert(), reason: "opened" });
      const request = { channel: "hook", now, leaseMs: 60_000, digest: false, limit: 1 };
      const [row] = await outbox.claim(request);
      await outbox.scheduleRetry([row!.id], T0 + 500, "HTTP 503", true);
      expect(await outbox.claim({ ...request, now: T0 + 499 })).toEqual([]);
      const [retried] = await outbox.claim({ ...request, now: T0 + 500 });
      expect(retried).toMatchObject({
        attempts: 1,
        last_error: "HTTP 503",
        next_attempt_at: T0 + 500,
      });
      await outbox.scheduleRetry([row!.id], T0 + 500, null, false);
      expect((await outbox.list())[0]).toMatchObject({ attempts: 1, last_error: "HTTP 503" });
    });

    it("brings failed rows of a channel forward when it works again, not held ones", async () => {
      for (const id of [1, 2]) await outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
      const [one, two] = await outbox.list({ channel: "hook" });
      await outbox.scheduleRetry([one!.id], T0 + 60_000, "down", true);
      await outbox.holdForDigest([two!.id], T0 + 3_600_000);
      await outbox.expedite("hook", T0 + 10);
      const rows = await outbox.list({ channel: "hook" });
      expect(rows.map((row) => row.next_attempt_at)).toEqual([T0 + 10, T0 + 3_600_000]);
    });

    it("marks rows delivered or failed; neither is claimed again", async () => {
      for (const id of [1, 2]) await outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
      const [one, two] = await outbox.list({ channel: "hook" });
      await outbox.markDelivered([one!.id], T0 + 5);
      await outbox.markFailed([two!.id], "HTTP 404");
      expect(
        await outbox.claim({
          channel: "hook",
          now: T0 + 10_000,
          leaseMs: 1,
          digest: false,
          limit: 9,
        }),
      ).toEqual([]);
      expect(await outbox.list({ state: "delivered" })).toMatchObject([
        { id: one!.id, delivered_at: T0 + 5 },
      ]);
      expect(await outbox.list({ state: "failed" })).toMatchObject([
        { id: two!.id, last_error: "HTTP 404" },
      ]);
      expect(await outbox.nextDueAt("hook")).toBeNull();
    });

    it("holds rows for a digest: claimed only as digest rows, from the digest time", async () => {
      for (const id of [1, 2]) await outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
      const rows = await outbox.list({ channel: "hook" });
      await outbox.holdForDigest(
        rows.map((row) => row.id),
        T0 + 3_600_000,
      );
      const request = { channel: "hook", now: T0 + 3_600_000, leaseMs: 1000, limit: 10 };
      expect(await outbox.claim({ ...request, digest: false })).toEqual([]);
      expect(await outbox.claim({ ...request, now: T0 + 3_599_999, digest: true })).toEqual([]);
      const held = await outbox.claim({ ...request, digest: true });
      expect(held.map((row) => [row.alert_id, row.digest])).toEqual([
        [1, true],
        [2, true],
      ]);
    });

    it("keeps a fixed rate window per channel from its first message", async () => {
      expect(await outbox.readWindow("hook", T0, 1000)).toEqual({ start: T0, sent: 0 });
      expect(await outbox.recordSend("hook", T0, 1000)).toEqual({ start: T0, sent: 1 });
      expect(await outbox.recordSend("hook", T0 + 999, 1000)).toEqual({ start: T0, sent: 2 });
      expect(await outbox.readWindow("hook", T0 + 999, 1000)).toEqual({ start: T0, sent: 2 });
      expect(await outbox.readWindow("pager", T0 + 999, 1000)).toEqual({
        start: T0 + 999,
        sent: 0,
      });
      expect(await outbox.readWindow("hook", T0 + 1000, 1000)).toEqual({
        start: T0 + 1000,
        sent: 0,
      });
      expect(await outbox.recordSend("hook", T0 + 1500, 1000)).toEqual({
        start: T0 + 1500,
        sent: 1,
      });
    });

    it("prunes delivered and failed rows created before a time, never pending ones", async () => {
      for (const id of [1, 2, 3])
        await outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
      const [one, two, three] = await outbox.list({ channel: "hook" });
      await outbox.markDelivered([one!.id], T0);
      await outbox.markFailed([two!.id], "HTTP 410");
      expect(await outbox.prune(T0 + 1)).toBe(2);
      expect((await outbox.list()).map((row) => row.id).sort()).toEqual(
        [three!.id, ...(await outbox.list({ channel: "pager" })).map((row) => row.id)].sort(),
      );
      expect(await outbox.prune(T0 + 1)).toBe(0);
    });
  });
}
