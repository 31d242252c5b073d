import { LOGIN_TYPES } from "../event-types.js";
import type { FindingSet } from "../finding-set.js";
import type { History } from "../history.js";
import { actorFacts, firstOfEachGroup, makeIncident } from "../incident.js";
import { ipKey, mailboxGroup } from "../keys.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { spanAround, windowsFrom } from "../sliding-window.js";

const MINUTE = 60;

/**
 * `ip-spray`: a login fires when its IP logged in to at least `min_mailboxes` distinct
 * mailboxes (on any hosts) in the `window_minutes` up to it. Evidence: the first login to each
 * mailbox. Recomputes the logins from that IP in the window after the event. Never throws.
 */
export function recordIpSpray(
  history: History,
  rules: ResolvedRules,
  event: MailboxEvent,
  findings: FindingSet,
): void {
  const settings = rules["ip-spray"];
  const ip = event.ip;
  if (
    event.type !== "login" ||
    ip === null ||
    event.network === null ||
    event.mailbox_address === null
  ) {
    return;
  }
  const window = settings.window_minutes * MINUTE;
  const logins = history.events({
    ip,
    types: [...LOGIN_TYPES],
    ...spanAround(event.event_time, window),
  });
  if (logins === undefined) return;
  const usable = logins.filter((login) => login.mailbox_address !== null);
  for (const { anchor, inWindow } of windowsFrom(usable, event.event_time, window)) {
    const evidence = firstOfEachGroup(inWindow, (login) =>
      mailboxGroup(login.host, login.mailbox_address),
    );
    const incident =
      evidence.length >= settings.min_mailboxes
        ? makeIncident(settings.severity, anchor, evidence, {
            ...actorFacts(anchor),
            mailbox_count: evidence.length,
            window_minutes: settings.window_minutes,
          })
        : null;
    findings.record("ip-spray", ipKey(ip), anchor, incident);
  }
}
