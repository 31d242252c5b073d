import { domainOf } from "../address.js";
import { FORWARD_ADDED_TYPES, isRedirect } from "../event-types.js";
import type { History } from "../history.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";

const DAY = 86_400;

/**
 * Whether a redirect's recipient is external: its domain is neither the mailbox's domain nor
 * the domain of any mailbox seen on that host in the `domain_window_days` up to the event
 * (inclusive). Undefined while history is missing. Never throws.
 */
export function isExternalRedirect(
  history: History,
  rules: ResolvedRules,
  redirect: MailboxEvent,
): boolean | undefined {
  if (!isRedirect(redirect)) return false;
  const recipientDomain = domainOf(redirect.forward_recipient);
  if (recipientDomain === null) return false;
  if (recipientDomain === domainOf(redirect.mailbox_address)) return false;
  const window = rules["external-forwarder"].domain_window_days * DAY;
  const seen = history.domainSeen(
    redirect.host,
    recipientDomain,
    redirect.event_time - window,
    redirect.event_time,
  );
  return seen === undefined ? undefined : !seen;
}

/**
 * The redirects whose externality `event` may have changed: the event itself, and the
 * redirects on its host to its mailbox's domain in the window after it. Never throws.
 */
export function redirectsWithChangedExternality(
  history: History,
  rules: ResolvedRules,
  event: MailboxEvent,
): MailboxEvent[] {
  const found = new Map<number, MailboxEvent>();
  if (isRedirect(event)) found.set(event.id, event);
  const domain = domainOf(event.mailbox_address);
  if (domain !== null) {
    const window = rules["external-forwarder"].domain_window_days * DAY;
    const redirects = history.events({
      host: event.host,
      recipientDomain: domain,
      types: [...FORWARD_ADDED_TYPES, "filter_stored"],
      from: event.event_time,
      to: event.event_time + window,
      order: "asc",
      limit: null,
    });
    for (const redirect of redirects ?? [])
      if (isRedirect(redirect)) found.set(redirect.id, redirect);
  }
  return [...found.values()];
}
