import { consoleLink } from "./console-link.js";
import type { NotifyMessage } from "./notify-message.js";

/**
 * The JSON document of a message, as the webhook posts it and a command reads it on stdin.
 * An alert: the alert's own fields, then `reason`, `delivery_id`, `console_url`, `text`.
 * A digest: `{digest: true, delivery_id, text, alerts: [{…alert, reason, console_url}],
 * omitted}`. Never throws.
 */
export function buildAlertDocument(
  message: NotifyMessage,
  text: string,
  publicUrl?: string,
): Record<string, unknown> {
  if (message.kind === "alert") {
    return {
      ...message.alert,
      reason: message.reason,
      delivery_id: message.delivery_id,
      console_url: consoleLink(publicUrl, message.alert.id),
      text,
    };
  }
  return {
    digest: true,
    delivery_id: message.delivery_id,
    text,
    alerts: message.items.map((item) => ({
      ...item.alert,
      reason: item.reason,
      console_url: consoleLink(publicUrl, item.alert.id),
    })),
    omitted: message.omitted,
  };
}
