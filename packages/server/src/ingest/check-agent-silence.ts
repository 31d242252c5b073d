import { decideAgentSilent, type ResolvedRules } from "@spoor/correlation";
import type { AlertStore } from "../store/alert-store.js";
import type { HeartbeatStore } from "../store/heartbeat-store.js";
import type { AlertNotice } from "./correlation-steps.js";

/**
 * One pass of the `agent-silent` rule: every host that sent heartbeats and has gone quiet
 * for the rule's `silent_minutes` gets an alert, unless an open or acknowledged one for it
 * exists already (one alert per silence; resolving it re-arms the rule). Call it inside a
 * transaction. @returns how many alerts it opened. Never throws for a consistent database.
 */
export function checkAgentSilence(
  stores: { heartbeats: HeartbeatStore; alerts: AlertStore },
  rules: ResolvedRules,
  nowSeconds: number,
  notice: AlertNotice,
): number {
  let opened = 0;
  for (const { host, received_at } of stores.heartbeats.all()) {
    const decision = decideAgentSilent(
      { host, lastHeartbeat: received_at, now: nowSeconds },
      rules,
    );
    if (!decision.silent) continue;
    const key = JSON.stringify([host]);
    const existing = stores.alerts
      .lookup({ rule: "agent-silent", key, from: 0, to: Number.MAX_SAFE_INTEGER })
      .some((alert) => alert.state === "open" || alert.state === "acknowledged");
    if (existing) continue;
    const id = stores.alerts.apply(
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
      notice(stores.alerts.byId(id)!, "opened");
      opened += 1;
    }
  }
  return opened;
}
