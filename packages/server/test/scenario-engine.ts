import type { MailboxEvent } from "@spoor/correlation";
import type { ScenarioEngine } from "@spoor/correlation/memory";
import type { ServerConfig } from "../src/index.js";
import { createServerContext } from "../src/server-context.js";
import { silentLogger } from "../src/server-logger.js";
import type { ServerStore } from "../src/store/server-store.js";

/**
 * The correlation package's scenario suite (benign histories and takeovers, in order,
 * shuffled, duplicated, backfilled) as it runs through this server's ingest path over a
 * store: each event goes in as a one-entry report without Idempotency-Key, as the Perl
 * original sends.
 */
export function scenarioEngine(store: ServerStore, config: ServerConfig): ScenarioEngine {
  const facts = new Map<string, Pick<MailboxEvent, "network" | "asn" | "as_name" | "country">>();
  const context = createServerContext({
    store,
    config,
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
