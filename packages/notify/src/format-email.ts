import { cleanText } from "./clean-text.js";
import { consoleLink } from "./console-link.js";
import { formatHeadline } from "./format-message-text.js";
import type { NotifyAlert } from "./notify-alert.js";
import type { NotifyItem, NotifyMessage } from "./notify-message.js";

/** The subject and plain-text body of a notification mail. */
export interface EmailContent {
  subject: string;
  text: string;
}

const LIST_LIMIT = 20;

function list(values: readonly unknown[]): string {
  if (values.length === 0) return "-";
  const shown = values.slice(0, LIST_LIMIT).map((value) => cleanText(value, 200));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

function time(seconds: unknown): string {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return cleanText(seconds, 40);
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString().replace(".000Z", "Z");
}

function block(item: NotifyItem, publicUrl?: string): string[] {
  const alert: NotifyAlert = item.alert;
  return [
    `Alert:        ${alert.id} (${cleanText(alert.rule, 60)}, ${cleanText(alert.severity, 10)}, ${item.reason})`,
    `Summary:      ${cleanText(alert.summary, 1000)}`,
    `Hosts:        ${list(alert.hosts ?? [])}`,
    `Mailboxes:    ${list(alert.mailbox_addresses ?? [])}`,
    `IPs:          ${list(alert.ips ?? [])}`,
    `Forwarded to: ${list(alert.forward_recipients ?? [])}`,
    `Evidence:     events ${list(alert.event_ids ?? [])}`,
    `First event:  ${time(alert.first_event_time)}`,
    `Last event:   ${time(alert.last_event_time)}`,
    `Console:      ${consoleLink(publicUrl, alert.id) ?? "(public_url is not configured)"}`,
  ];
}

/**
 * The mail of a message: a one-line subject (`[spoor] HIGH takeover-sequence: <summary>`, at
 * most 160 characters, no control characters, so no header can be forged through it) and a
 * plain-text body with the summary, the evidence and the console link. Never throws.
 */
export function formatEmail(message: NotifyMessage, publicUrl?: string): EmailContent {
  const footer = ["", "-- ", `spoor notification ${message.delivery_id}`];
  if (message.kind === "alert") {
    const subject = `[spoor] ${cleanText(message.alert.severity, 10).toUpperCase()} ${cleanText(message.alert.rule, 60)}: ${cleanText(message.alert.summary, 500)}`;
    const text = [formatHeadline(message), "", ...block(message, publicUrl), ...footer];
    return { subject: cleanText(subject, 160), text: `${text.join("\n")}\n` };
  }
  const total = message.items.length + message.omitted;
  const lines = [
    `${total} alerts arrived over this channel's hourly limit; they are listed here instead of one mail each.`,
  ];
  for (const item of message.items) lines.push("", ...block(item, publicUrl));
  if (message.omitted > 0)
    lines.push("", `… and ${message.omitted} more alerts (see the console).`);
  return {
    subject: `[spoor] digest of ${total} alerts`,
    text: `${[...lines, ...footer].join("\n")}\n`,
  };
}
