import { cleanText } from "./clean-text.js";
import { consoleLink } from "./console-link.js";
import type { NotifyItem, NotifyMessage } from "./notify-message.js";

/**
 * One line naming an alert event: `HIGH takeover-sequence alert 17 opened: <summary>`.
 * The rule and summary are cleaned of control characters. Never throws.
 */
export function formatHeadline(item: NotifyItem): string {
  const { alert } = item;
  const what = item.reason === "opened" ? "opened" : `raised to ${cleanText(alert.severity, 10)}`;
  return `${cleanText(alert.severity, 10).toUpperCase()} ${cleanText(alert.rule, 60)} alert ${alert.id} ${what}: ${cleanText(alert.summary, 500)}`;
}

/**
 * The short text of a message (the webhook's `text`, a chat line): `[spoor] <headline>` and
 * the console link; for a digest one headline per alert. Never throws.
 */
export function formatMessageText(message: NotifyMessage, publicUrl?: string): string {
  if (message.kind === "alert") {
    const link = consoleLink(publicUrl, message.alert.id);
    return `[spoor] ${formatHeadline(message)}${link ? `\n${link}` : ""}`;
  }
  const total = message.items.length + message.omitted;
  const lines = [`[spoor] digest of ${total} alerts (more than this channel's hourly limit)`];
  for (const item of message.items) {
    const link = consoleLink(publicUrl, item.alert.id);
    lines.push(`- ${formatHeadline(item)}${link ? ` ${link}` : ""}`);
  }
  if (message.omitted > 0) lines.push(`- and ${message.omitted} more`);
  return lines.join("\n");
}
