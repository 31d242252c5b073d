import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ReceiverProcess, startReceiver } from "@spoor/test-support";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { usePostgres } from "./postgres-fixture.js";

/**
 * Many stateless `spoor-server` processes on one PostgreSQL (server.md §6): real bin
 * processes, a real cluster, a real webhook receiver.
 */
const postgres = usePostgres();
const T = 1_800_000_000;
const CREDENTIALS = "fleet:fleet-secret-0123456789";
const AUTH = `Basic ${Buffer.from(CREDENTIALS).toString("base64")}`;

interface Delivery {
  id: number;
  severity: string;
  delivery: string;
}

let sink: Server;
const deliveries: Delivery[] = [];
const servers: ReceiverProcess[] = [];

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgres.url() });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** How many rows of `table` match `where` (SQL). */
async function countOf(table: string, where: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
  );
  return row!.n;
}

async function startOne(): Promise<ReceiverProcess> {
  const { port } = sink.address() as AddressInfo;
  const server = await startReceiver({
    db: postgres.url(),
    credentials: CREDENTIALS,
    config: `notify:\n  - type: webhook\n    url: http://127.0.0.1:${port}/hook\n    secret: fleet-webhook-secret-0123\n    min_severity: medium\n`,
  });
  servers.push(server);
  return server;
}

type Entry = Record<string, unknown>;

/** POSTs a report; resolves with the status, or 0 when the connection failed. */
async function post(server: ReceiverProcess, entries: Entry[], key?: string): Promise<number> {
  const headers: Record<string, string> = {
    authorization: AUTH,
    "content-type": "application/json",
  };
  if (key !== undefined) headers["idempotency-key"] = key;
  try {
    const response = await fetch(`${server.url}/api/reports`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        report: { entries, metadata: { reporter: String(entries[0]!.host) } },
      }),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Sends until a 202, as an agent's transmitter retries (same key), trying each server in turn. */
async function deliver(
  targets: () => ReceiverProcess[],
  entries: Entry[],
  key: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (let attempt = 0; ; attempt += 1) {
    const live = targets();
    const status = await post(live[attempt % live.length]!, entries, key);
    if (status === 202) return;
    if (Date.now() > deadline) throw new Error(`report ${key} never accepted (last ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `tasks` with at most `width` at a time. */
async function pool(width: number, tasks: Array<() => Promise<void>>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: width }, worker));
}

const login = (host: string, mailbox: string, time: number, ip = "198.51.100.9"): Entry => ({
  type: "login",
  time,
  host,
  mailbox_address: mailbox,
  ip,
});

beforeAll(async () => {
  sink = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Delivery;
      deliveries.push({
        id: body.id,
        severity: body.severity,
        delivery: String(request.headers["x-spoor-delivery"]),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
}, 120_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await new Promise((resolve) => sink.close(resolve));
});

describe("spoor-server processes on one PostgreSQL", () => {
  let a: ReceiverProcess;
  let b: ReceiverProcess;

  it("migrate once when they start together, and both serve", async () => {
    [a, b] = await Promise.all([startOne(), startOne()]);
    expect(await query("SELECT version FROM spoor_schema")).toStrictEqual([{ version: 1 }]);
    expect(await a.get("/api/stats")).toMatchObject({ reports: 0 });
    expect(await b.get("/api/stats")).toMatchObject({ reports: 0 });
  }, 60_000);

  it("store a report once when two processes get the same Idempotency-Key at the same instant", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const entries = [login(`race${i}.example.net`, `u${i}@example.com`, T + i)];
        return Promise.all([post(a, entries, `race-${i}`), post(b, entries, `race-${i}`)]);
      }),
    );
    expect(statuses.flat().every((status) => status === 202)).toBe(true);
    const rows = await query<{ key: string; n: number }>(
      "SELECT idempotency_key AS key, count(*)::int AS n FROM submissions WHERE idempotency_key LIKE 'race-%' GROUP BY 1",
    );
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    expect(await countOf("reports", "host LIKE 'race%'")).toBe(20);
  }, 60_000);

  it("merge forwarder halves that reach two processes at the same instant", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const base = {
          time: T + 1000 + i,
          host: "halves.example.net",
          mailbox_address: `h${i}@example.com`,
        };
        return Promise.all([
          post(a, [{ ...base, type: "forward_added_partial_ip", ip: "203.0.113.5" }], `ip-${i}`),
          post(
            b,
            [
              {
                ...base,
                type: "forward_added_partial_recipient",
                forward_recipient: `out${i}@elsewhere.example`,
              },
            ],
            `rcpt-${i}`,
          ),
        ]);
      }),
    );
    const events = await query<{ type: string; n: number }>(
      "SELECT type, count(*)::int AS n FROM mailbox_events WHERE host = 'halves.example.net' GROUP BY type",
    );
    expect(events).toStrictEqual([{ type: "forward_added", n: 20 }]);
    expect(
      await countOf(
        "mailbox_events",
        "host = 'halves.example.net' AND ip_address IS NOT NULL AND forward_recipient IS NOT NULL",
      ),
    ).toBe(20);
  }, 60_000);

  it("raise one shared-destination alert per recipient seen by two processes at once, notified once", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const recipient = `drop${i}@evil.example`;
        const forward = (host: string, mailbox: string): Entry => ({
          type: "forward_added",
          time: T + 5000 + i,
          host,
          mailbox_address: mailbox,
          ip: "203.0.113.66",
          forward_recipient: recipient,
        });
        return Promise.all([
          post(a, [forward("shared-a.example.net", `s${i}@a.example`)], `sa-${i}`),
          post(b, [forward("shared-b.example.net", `s${i}@b.example`)], `sb-${i}`),
        ]);
      }),
    );
    const alerts = await query<{ id: number; recipients: string }>(
      "SELECT id, forward_recipients AS recipients FROM alerts WHERE rule = 'shared-destination' ORDER BY id",
    );
    expect(alerts.map((alert) => JSON.parse(alert.recipients)).sort()).toStrictEqual(
      Array.from({ length: 10 }, (_, i) => [`drop${i}@evil.example`]).sort(),
    );
    const notifiable = await query<{ id: number }>(
      "SELECT id FROM alerts WHERE severity IN ('medium', 'high') ORDER BY id",
    );
    await waitFor(
      async () => {
        const left = await countOf("notify_outbox", "state <> 'delivered'");
        return left === 0 && deliveries.length >= notifiable.length ? true : undefined;
      },
      "every notification delivered",
      30_000,
    );
    expect(deliveries.map((d) => d.id).sort((x, y) => x - y)).toStrictEqual(
      notifiable.map((alert) => Number(alert.id)),
    );
    expect(new Set(deliveries.map((d) => d.delivery)).size).toBe(deliveries.length);
  }, 90_000);

  /**
   * Sends 120 one-entry reports (8 at a time, each retried until a 202 like an agent's
   * transmitter), runs `disrupt` once 40 are acknowledged, and checks that every acknowledged
   * key is stored exactly once.
   */
  async function loadThrough(
    prefix: string,
    targets: (i: number) => ReceiverProcess[],
    disrupt: () => Promise<void>,
  ): Promise<void> {
    const acknowledged: string[] = [];
    let disrupted = false;
    const tasks = Array.from({ length: 120 }, (_, i) => async () => {
      const key = `${prefix}-${i}`;
      const entries = [
        login(`${prefix}${i % 7}.example.net`, `${prefix}${i}@example.com`, T + 10_000 + i),
      ];
      await deliver(() => targets(i), entries, key);
      acknowledged.push(key);
      if (acknowledged.length === 40 && !disrupted) {
        disrupted = true;
        await disrupt();
      }
    });
    await pool(8, tasks);
    expect(disrupted).toBe(true);
    const stored = await query<{ key: string }>(
      `SELECT idempotency_key AS key FROM submissions WHERE idempotency_key LIKE '${prefix}-%'`,
    );
    expect(stored.map((row) => row.key).sort()).toStrictEqual([...acknowledged].sort());
    expect(acknowledged).toHaveLength(120);
  }

  it("lose nothing acknowledged when one process is killed with -9 mid-load", async () => {
    let killed = false;
    await loadThrough(
      "kill",
      (i) => (killed ? [b] : i % 2 === 0 ? [a, b] : [b, a]),
      async () => {
        killed = true;
        await a.kill();
      },
    );
  }, 120_000);

  it("reconnect after PostgreSQL restarts under load; the retries fill the gap", async () => {
    const c = await startOne();
    await loadThrough(
      "restart",
      () => [b, c],
      () => postgres.cluster().restart(),
    );
    expect(await b.get("/api/stats")).toMatchObject({ alerts: expect.any(Number) });
    expect(await c.get("/api/stats")).toMatchObject({ alerts: expect.any(Number) });
  }, 120_000);
});
