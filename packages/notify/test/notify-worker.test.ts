import { waitFor } from "@spoor/test-support";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import {
  createSqliteOutbox,
  createWebhookChannel,
  DIGEST_WINDOW_MS,
  type NotifyWorker,
  type SqliteOutbox,
  startNotifyWorker,
  type WebhookChannelConfig,
} from "../src/index.js";
import { makeAlert } from "./alert-fixture.js";
import { captureLogger } from "./capture-logger.js";
import { startWebhookSink, type WebhookSink } from "./webhook-sink.js";

const secret = "worker-secret-0123456789";
let sink: WebhookSink;
let worker: NotifyWorker | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await sink?.close();
});

function setup(overrides: Partial<WebhookChannelConfig> = {}, clock?: () => number) {
  const config: WebhookChannelConfig = {
    type: "webhook",
    name: "hook",
    min_severity: "medium",
    max_per_hour: 30,
    timeout_ms: 2000,
    url: sink.url,
    secret,
    ...overrides,
  };
  const db = new Database(":memory:");
  const outbox: SqliteOutbox = createSqliteOutbox(db, {
    channels: [config],
    ...(clock ? { clock } : {}),
  });
  const logger = captureLogger();
  worker = startNotifyWorker({
    outbox,
    channels: [createWebhookChannel(config)],
    publicUrl: "https://spoor.example.net",
    logger,
    backoff: { baseMs: 100, capMs: 800 },
    leaseGraceMs: 200,
    pollMs: 100,
    closeTimeoutMs: 300,
    ...(clock ? { clock } : {}),
  });
  return { db, outbox, logger, worker };
}

describe("notify worker", () => {
  it("delivers an enqueued alert once when woken, and marks the row delivered", async () => {
    sink = await startWebhookSink(secret);
    const { outbox, worker, logger } = setup();
    outbox.enqueue({ alert: makeAlert(), reason: "opened" });
    worker.wake();
    const [request] = await sink.waitFor(1);
    expect(request?.signatureValid).toBe(true);
    const row = await waitFor("the row delivered", () =>
      outbox.list({ state: "delivered" }).then((rows) => rows[0]),
    );
    expect(request?.headers["x-spoor-delivery"]).toBe(row.delivery_id);
    expect(logger.lines.at(-1)).toEqual({
      level: "info",
      msg: "notification delivered",
      fields: { channel: "hook", delivery_id: row.delivery_id, alert_ids: [17], kind: "alert" },
    });
    expect(sink.requests).toHaveLength(1);
  });

  it("retries with growing delays while the webhook is down and delivers when it is back", async () => {
    sink = await startWebhookSink(secret);
    sink.answers.push({ status: 503 }, { status: 502 });
    const { outbox, worker, logger } = setup();
    outbox.enqueue({ alert: makeAlert(), reason: "opened" });
    worker.wake();
    await sink.waitFor(2);
    await waitFor("the 502 answer seen", () =>
      logger.lines.some((line) => line.fields.error === "HTTP 502"),
    );
    await sink.pause(); // now refusing connections
    await waitFor("a refused attempt", () =>
      logger.lines.some((line) => line.fields.error === "ECONNREFUSED"),
    );
    expect(await outbox.list({ state: "delivered" })).toEqual([]);
    await sink.resume();
    await waitFor("the row delivered", () =>
      outbox.list({ state: "delivered" }).then((rows) => rows[0]),
    );
    const requests = sink.requests;
    expect(requests.length).toBe(3);
    // Equal jitter: the n-th retry waits at least half of min(800, 100 * 2^(n-1)) ms.
    const failures = logger.lines.filter(
      (line) => line.msg === "notification not delivered; retrying",
    );
    // While stopped: refused, or reset when a kept-alive socket died with the server.
    expect(failures.map((line) => [line.fields.attempts, line.fields.error])).toEqual(
      failures.map((line, index) => [
        index + 1,
        index === 0
          ? "HTTP 503"
          : index === 1
            ? "HTTP 502"
            : line.fields.error === "ECONNRESET"
              ? "ECONNRESET"
              : "ECONNREFUSED",
      ]),
    );
    for (const line of failures) {
      const attempts = line.fields.attempts as number;
      const ceiling = Math.min(800, 100 * 2 ** (attempts - 1));
      expect(line.fields.retry_in_ms).toBeGreaterThanOrEqual(ceiling / 2);
      expect(line.fields.retry_in_ms).toBeLessThanOrEqual(ceiling);
    }
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(50);
    const [row] = await outbox.list();
    expect(row?.attempts).toBe(failures.length);
    expect(new Set(requests.map((request) => request.headers["x-spoor-delivery"])).size).toBe(1);
  });

  it("marks a permanent failure failed, logs it and does not retry it", async () => {
    sink = await startWebhookSink(secret);
    sink.answers.push({ status: 410 });
    const { outbox, worker, logger } = setup();
    outbox.enqueue({ alert: makeAlert(), reason: "opened" });
    worker.wake();
    const row = await waitFor("the row failed", () =>
      outbox.list({ state: "failed" }).then((rows) => rows[0]),
    );
    expect(row).toMatchObject({ last_error: "HTTP 410", attempts: 0 });
    expect(logger.lines.find((line) => line.level === "error")).toMatchObject({
      msg: "notification failed permanently; not retried",
      fields: { channel: "hook", alert_ids: [17], error: "HTTP 410" },
    });
    outbox.enqueue({ alert: makeAlert({ id: 18 }), reason: "opened" });
    worker.wake();
    await sink.waitFor(2);
    expect(sink.requests.map((request) => request.body.id)).toEqual([17, 18]);
  });

  it("folds a burst over max_per_hour into one digest at the end of the hour", async () => {
    sink = await startWebhookSink(secret);
    let now = 1_800_000_000_000;
    const { outbox, worker, logger } = setup({ max_per_hour: 3 }, () => now);
    for (let id = 1; id <= 8; id += 1)
      outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
    worker.wake();
    await waitFor("five rows held", () =>
      outbox.list().then((rows) => rows.filter((row) => row.digest).length === 5),
    );
    expect(sink.requests.map((request) => request.body.id)).toEqual([1, 2, 3]);
    const held = await outbox.list({ state: "pending" });
    expect(held.map((row) => [row.alert_id, row.next_attempt_at])).toEqual(
      [4, 5, 6, 7, 8].map((id) => [id, 1_800_000_000_000 + DIGEST_WINDOW_MS]),
    );
    expect(
      logger.lines.filter((line) => line.msg === "notification held for the hourly digest"),
    ).toHaveLength(5);
    now += DIGEST_WINDOW_MS;
    worker.wake();
    const digest = (await sink.waitFor(4))[3]!;
    expect(digest.signatureValid).toBe(true);
    expect(digest.headers["x-spoor-delivery"]).toBe(`digest-${held[0]!.delivery_id}`);
    expect(digest.body).toMatchObject({
      digest: true,
      omitted: 0,
      alerts: [4, 5, 6, 7, 8].map((id) => ({
        ...makeAlert({ id }),
        reason: "opened",
        console_url: `https://spoor.example.net/alerts/${id}`,
      })),
    });
    expect((digest.body.text as string).split("\n")).toEqual([
      "[spoor] digest of 5 alerts (more than this channel's hourly limit)",
      ...[4, 5, 6, 7, 8].map(
        (id) =>
          `- ${`HIGH takeover-sequence alert ${id} opened: ${makeAlert().summary}`} https://spoor.example.net/alerts/${id}`,
      ),
    ]);
    await waitFor("all delivered", () =>
      outbox.list({ state: "delivered" }).then((rows) => rows.length === 8),
    );
    // The digest opened a new window (1 of 3): the next alert goes out on its own.
    outbox.enqueue({ alert: makeAlert({ id: 9 }), reason: "opened" });
    worker.wake();
    expect((await sink.waitFor(5))[4]?.body).toMatchObject({ id: 9, reason: "opened" });
  });

  it("close() ends a hanging attempt within its bound and leaves the row due for the next start", async () => {
    sink = await startWebhookSink(secret);
    sink.answers.push("hang");
    const { outbox, worker: running, logger } = setup({ timeout_ms: 30_000 });
    outbox.enqueue({ alert: makeAlert(), reason: "opened" });
    running.wake();
    await sink.waitFor(1);
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(5000); // the server's whole shutdown budget
    const [row] = await outbox.list();
    expect(row).toMatchObject({
      state: "pending",
      attempts: 0,
      last_error: "interrupted by shutdown",
    });
    expect(await outbox.nextDueAt("hook")).toBeLessThanOrEqual(Date.now());
    expect(logger.lines.at(-1)?.msg).toBe(
      "notification interrupted by shutdown; it is sent on the next start",
    );
  });
});
