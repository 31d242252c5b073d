import { isForwarderAdded } from "../event-types.js";
import { actorFacts, makeIncident } from "../incident.js";
import { isExternalRedirect } from "./externality.js";
import type { IncidentRule } from "./incident-rule.js";

/**
 * `external-forwarder` at a forwarder added: fires when its recipient is external
 * ({@link isExternalRedirect}). Evidence: the forwarder. Never throws.
 */
export const externalForwarderIncident: IncidentRule = (history, rules, forwarder) => {
  if (!isForwarderAdded(forwarder)) return null;
  const external = isExternalRedirect(history, rules, forwarder);
  if (external !== true) return external === undefined ? undefined : null;
  const settings = rules["external-forwarder"];
  return makeIncident(settings.severity, forwarder, [forwarder], {
    ...actorFacts(forwarder),
    recipient: forwarder.forward_recipient,
    window_days: settings.domain_window_days,
  });
};
