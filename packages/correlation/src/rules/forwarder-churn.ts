import { normalizeAddress } from "../address.js";
import { FORWARD_ADDED_TYPES, FORWARD_REMOVED_TYPES, isForwarderAdded } from "../event-types.js";
import type { History } from "../history.js";
import { actorFacts, makeIncident } from "../incident.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { isExternalRedirect } from "./externality.js";
import type { IncidentRule } from "./incident-rule.js";

const MINUTE = 60;

/** True for a forwarder removal with a mailbox and a recipient. Never throws. */
export function isForwarderRemoved(event: MailboxEvent): boolean {
  return (
    (FORWARD_REMOVED_TYPES as readonly string[]).includes(event.type) &&
    event.mailbox_address !== null &&
    normalizeAddress(event.forward_recipient) !== null
  );
}

/** The forwarders a removal may complete: same mailbox and recipient, in the window before it. */
export function forwardersBeforeRemoval(
  history: History,
  rules: ResolvedRules,
  removal: MailboxEvent,
): MailboxEvent[] {
  if (!isForwarderRemoved(removal)) return [];
  const added = history.events({
    host: removal.host,
    mailbox: removal.mailbox_address!,
    recipientKey: normalizeAddress(removal.forward_recipient)!,
    types: [...FORWARD_ADDED_TYPES],
    from: removal.event_time - rules["forwarder-churn"].window_minutes * MINUTE,
    to: removal.event_time,
    order: "asc",
    limit: null,
  });
  return (added ?? []).filter(isForwarderAdded);
}

/**
 * `forwarder-churn` at an external forwarder: fires when the same mailbox removes a forwarder
 * to the same recipient within `window_minutes` after it. Evidence: the forwarder and the
 * first such removal. Never throws.
 */
export const churnIncident: IncidentRule = (history, rules, forwarder) => {
  if (!isForwarderAdded(forwarder)) return null;
  const settings = rules["forwarder-churn"];
  const external = isExternalRedirect(history, rules, forwarder);
  const removals = history.events({
    host: forwarder.host,
    mailbox: forwarder.mailbox_address!,
    recipientKey: normalizeAddress(forwarder.forward_recipient)!,
    types: [...FORWARD_REMOVED_TYPES],
    from: forwarder.event_time,
    to: forwarder.event_time + settings.window_minutes * MINUTE,
    order: "asc",
    limit: 1,
  });
  if (external === false) return null;
  if (external === undefined || removals === undefined) return undefined;
  const removal = removals[0];
  if (removal === undefined) return null;
  return makeIncident(settings.severity, forwarder, [forwarder, removal], {
    ...actorFacts(forwarder),
    recipient: forwarder.forward_recipient,
    seconds_after: removal.event_time - forwarder.event_time,
  });
};
