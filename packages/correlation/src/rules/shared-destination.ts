import { normalizeAddress } from "../address.js";
import { FORWARD_ADDED_TYPES, isForwarderAdded } from "../event-types.js";
import type { FindingSet } from "../finding-set.js";
import type { History } from "../history.js";
import { firstOfEachGroup, makeIncident } from "../incident.js";
import { mailboxGroup, recipientAlertKey } from "../keys.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { spanAround, windowsFrom } from "../sliding-window.js";
import { isExternalRedirect } from "./externality.js";

const DAY = 86_400;

/**
 * `shared-destination`: an external forwarder fires when external forwarders to the same
 * recipient were added on at least `min_mailboxes` distinct mailboxes (any hosts) in the
 * `window_days` up to it. Evidence: the first such forwarder of each mailbox. Recomputes the
 * forwarders to that recipient in the window after `changed`. Never throws.
 */
export function recordSharedDestination(
  history: History,
  rules: ResolvedRules,
  changed: MailboxEvent,
  findings: FindingSet,
): void {
  if (!isForwarderAdded(changed)) return;
  const settings = rules["shared-destination"];
  const window = settings.window_days * DAY;
  const recipientKey = normalizeAddress(changed.forward_recipient)!;
  const forwarders = history.events({
    recipientKey,
    types: [...FORWARD_ADDED_TYPES],
    ...spanAround(changed.event_time, window),
  });
  if (forwarders === undefined) return;
  const usable = forwarders.filter(isForwarderAdded);
  const external = new Map<number, boolean | undefined>();
  for (const forwarder of usable)
    external.set(forwarder.id, isExternalRedirect(history, rules, forwarder));
  for (const { anchor, inWindow } of windowsFrom(usable, changed.event_time, window)) {
    if (inWindow.some((f) => external.get(f.id) === undefined)) continue;
    const externalOnes = inWindow.filter((f) => external.get(f.id) === true);
    const evidence = firstOfEachGroup(externalOnes, (f) => mailboxGroup(f.host, f.mailbox_address));
    const fires = external.get(anchor.id) === true && evidence.length >= settings.min_mailboxes;
    const incident = fires
      ? makeIncident(settings.severity, anchor, evidence, {
          recipient: anchor.forward_recipient,
          mailbox_count: evidence.length,
          window_days: settings.window_days,
        })
      : null;
    findings.record("shared-destination", recipientAlertKey(recipientKey), anchor, incident);
  }
}
