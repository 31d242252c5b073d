import { ALERT_SEVERITIES, type Alert, terminalText } from "@spoor/api-client";
import type { SinkDelivery } from "./demo-webhook-sink.js";

const rank = (alert: Alert) => ALERT_SEVERITIES.indexOf(alert.severity);

/**
 * The demo's last words, for an administrator at a glance: one line per alert, most severe
 * first (`ALERT high takeover-sequence: <summary>`), then what the webhook received and
 * whether every signature was valid (`Webhook received 2 notifications (signatures valid):
 * HIGH takeover-sequence alert 3 opened, …`). Every string from the server is escaped for
 * the terminal. Never throws.
 */
export function describeDemoEnding(
  alerts: readonly Alert[],
  deliveries: readonly SinkDelivery[],
): string[] {
  const lines = [...alerts]
    .sort((a, b) => rank(b) - rank(a) || a.id - b.id)
    .map(
      (alert) =>
        `ALERT ${alert.severity} ${terminalText(alert.rule)}: ${terminalText(alert.summary)}`,
    );
  if (alerts.length === 0) lines.push("No alert was raised.");
  lines.push(describeDeliveries(deliveries));
  return lines;
}

function describeDeliveries(deliveries: readonly SinkDelivery[]): string {
  if (deliveries.length === 0) return "Webhook received no notification.";
  const valid = deliveries.filter((delivery) => delivery.signatureValid).length;
  const plural = deliveries.length === 1 ? "" : "s";
  const signatures =
    valid === deliveries.length
      ? `signature${plural} valid`
      : `${deliveries.length - valid} with an INVALID signature`;
  const what = deliveries.map((delivery) => deliveryTitle(delivery)).join(", ");
  return `Webhook received ${deliveries.length} notification${plural} (${signatures}): ${what}`;
}

function deliveryTitle(delivery: SinkDelivery): string {
  const body = delivery.body;
  if (body === undefined) return "an unreadable body";
  if (body.digest === true) return "a digest";
  const severity = typeof body.severity === "string" ? body.severity.toUpperCase() : "?";
  return terminalText(
    `${severity} ${String(body.rule)} alert ${String(body.id)} ${String(body.reason ?? "sent")}`,
  );
}
