import {
  ALERT_SEVERITIES,
  type Alert,
  type AlertSeverity,
  createApiClient,
} from "@spoor/api-client";
import type { SinkDelivery } from "./demo-webhook-sink.js";

const POLL_MS = 200;

/** What to wait for. */
export interface WaitForAlertsOptions {
  url: string;
  credentials: { api_identifier: string; api_secret: string };
  /** The rule whose alert must be there. */
  rule: string;
  /** The webhook channel's `min_severity`: every alert at or above it must have arrived. */
  notifyMinSeverity: AlertSeverity;
  /** What the webhook sink has received so far (it grows while waiting). */
  deliveries: readonly SinkDelivery[];
  deadlineMs: number;
  signal?: AbortSignal;
}

/**
 * Polls the server's alerts until one of `rule` is there and the webhook sink has received
 * the notification of every alert at or above the channel's minimum severity. @returns every alert (newest first) and the deliveries at that moment.
 * @throws Error at the deadline (naming what was there); ApiError; AbortError.
 */
export async function waitForAlerts(
  options: WaitForAlertsOptions,
): Promise<{ alerts: Alert[]; deliveries: SinkDelivery[] }> {
  const client = createApiClient({ host: options.url, credentials: options.credentials });
  const deadline = Date.now() + options.deadlineMs;
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const alerts = await client.listAlerts();
      const floor = ALERT_SEVERITIES.indexOf(options.notifyMinSeverity);
      const due = alerts.filter((alert) => ALERT_SEVERITIES.indexOf(alert.severity) >= floor);
      const delivered = (alert: Alert) =>
        options.deliveries.some((delivery) => delivery.body?.id === alert.id);
      if (alerts.some((alert) => alert.rule === options.rule) && due.every(delivered)) {
        return { alerts, deliveries: [...options.deliveries] };
      }
      if (Date.now() > deadline) {
        const rules = alerts.map((alert) => alert.rule).join(", ") || "none";
        throw new Error(
          `no ${options.rule} alert with its notification within ${options.deadlineMs / 1000} s (alerts: ${rules}; webhook deliveries: ${options.deliveries.length})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    client.close();
  }
}
