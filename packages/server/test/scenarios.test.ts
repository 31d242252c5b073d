import type { MailboxEvent } from "@spoor/correlation";
import { runCorrelationScenarios, type ScenarioEngine } from "@spoor/correlation/memory";
import { describe, expect, it } from "vitest";
import { openServerDatabase } from "../src/database/open-server-database.js";
import { validateServerConfig } from "../src/index.js";
import { createServerContext } from "../src/server-context.js";
import { createSqliteStore } from "../src/sqlite/create-sqlite-store.js";
import { silentLogger } from "../src/server-logger.js";

/**
 * The correlation package's scenario suite (benign histories and takeovers, in order,
 * shuffled, duplicated, backfilled) run against this server's SQLite store and ingest path:
 * each event goes in as a one-entry report without Idempotency-Key, as the Perl original sends.
 */
function sqliteEngine(): ScenarioEngine {
  const store = createSqliteStore(openServerDatabase(":memory:"), { channels: [] });
  const facts = new Map<string, Pick<MailboxEvent, "network" | "asn" | "as_name" | "country">>();
  const context = createServerContext({
    store,
    config: validateServerConfig(undefined),
    logger: silentLogger,
    lookupIp: (ip) => ({
      ip_address: ip,
      network: null,
      asn: null,
      as_name: null,
      country: null,
      ...facts.get(ip),
    }),
    wake: () => undefined,
    clock: () => 1_800_000_000_000,
    maxBodyBytes: 1 << 20,
    listLimit: 1000,
  });
  return {
    ingest(event) {
      if (event.ip !== null) {
        facts.set(event.ip, {
          network: event.network,
          asn: event.asn,
          as_name: event.as_name,
          country: event.country,
        });
      }
      const entry: Record<string, unknown> = {
        type: event.type,
        time: event.event_time,
        host: event.host,
      };
      if (event.mailbox_address !== null) entry.mailbox_address = event.mailbox_address;
      if (event.ip !== null) entry.ip = event.ip;
      if (event.forward_recipient !== null) entry.forward_recipient = event.forward_recipient;
      return context.ingest(
        {
          reporter: event.host,
          entries: [
            {
              type: event.type,
              time: event.event_time,
              host: event.host,
              mailboxAddress: event.mailbox_address,
              ip: event.ip,
              forwardRecipient: event.forward_recipient,
              entry,
            },
          ],
        },
        "scenario",
        undefined,
      );
    },
    alerts: () => context.alerts.records(),
    events: () => context.events.all(),
  };
}

describe("the correlation scenario suite on the SQLite store", () => {
  it("gives every scenario's expected alerts in every arrival order", async () => {
    const results = await runCorrelationScenarios(sqliteEngine);
    expect(results.length).toBeGreaterThan(10);
    const failed = results.filter((result) => !result.ok);
    expect(
      failed.map((r) => ({
        name: r.name,
        arrival: r.arrival,
        expected: r.expected,
        actual: r.actual,
      })),
    ).toStrictEqual([]);
  }, 120_000);
});
