import { decideAgentSilent, type ResolvedRules } from "@spoor/correlation";
import type { StoreSession } from "../store/server-store.js";

/**
 * One pass of the `agent-silent` rule: every host that sent heartbeats and has gone quiet
 * for the rule's `silent_minutes` gets an alert, unless an open or acknowledged one for it
 * exists already (one alert per silence; resolving it re-arms the rule), its notification
 * enqueued. Call it inside a transaction that holds the `agent-silent` lock.
 * @returns how many alerts it opened and how many outbox rows it added. Rejects with the
 *   driver's errors only.
 */
export async function checkAgentSilence(
  tx: StoreSession,
  rules: ResolvedRules,
  nowSeconds: number,
): Promise<{ opened: number; enqueued: number }> {
  let opened = 0;
  let enqueued = 0;
  for (const { host, received_at } of await tx.heartbeats.all()) {
    const decision = decideAgentSilent(
      { host, lastHeartbeat: received_at, now: nowSeconds },
      rules,
    );
    if (!decision.silent) continue;
    const key = JSON.stringify([host]);
    const existing = (
      await tx.alerts.lookup({ rule: "agent-silent", key, from: 0, to: Number.MAX_SAFE_INTEGER })
    ).some((alert) => alert.state === "open" || alert.state === "acknowledged");
    if (existing) continue;
    const id = await tx.alerts.apply(
      {
        kind: "open",
        alert: {
          rule: "agent-silent",
          key,
          severity: decision.severity,
          summary: decision.summary,
          hosts: [host],
          mailbox_addresses: [],
          ips: [],
          forward_recipients: [],
          event_ids: [],
          first_event_time: received_at,
          last_event_time: received_at,
          anchor_first: received_at,
          anchor_last: received_at,
          incidents: [],
        },
      },
      nowSeconds,
    );
    if (id !== null) {
      enqueued += await tx.enqueue({ alert: (await tx.alerts.byId(id))!, reason: "opened" });
      opened += 1;
    }
  }
  return { opened, enqueued };
}
