import { isForwarderAdded } from "../event-types.js";
import type { Incident } from "../finding.js";
import type { History } from "../history.js";
import { actorFacts, makeIncident } from "../incident.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { isExternalRedirect } from "./externality.js";

/**
 * `external-forwarder` at a forwarder added: fires when its recipient is external
 * ({@link isExternalRedirect}). Evidence: the forwarder. Never throws.
 */
export function externalForwarderIncident(
  history: History,
  rules: ResolvedRules,
  forwarder: MailboxEvent,
): Incident | null | undefined {
  if (!isForwarderAdded(forwarder)) return null;
  const external = isExternalRedirect(history, rules, forwarder);
  if (external !== true) return external === undefined ? undefined : null;
  const settings = rules["external-forwarder"];
  return makeIncident(settings.severity, forwarder, [forwarder], {
    ...actorFacts(forwarder),
    recipient: forwarder.forward_recipient,
    window_days: settings.domain_window_days,
  });
}
