import { LOGIN_TYPES } from "../event-types.js";
import type { FindingSet } from "../finding-set.js";
import type { History } from "../history.js";
import { firstOfEachGroup, makeIncident } from "../incident.js";
import { mailboxKey } from "../keys.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { SEVERITIES, severityRank } from "../severity.js";
import { spanAround, windowsFrom } from "../sliding-window.js";

const HOUR = 3_600;

/** The network group of a login: its AS when `count_asn_once` and known, else its network. */
function groupOf(login: MailboxEvent, countAsnOnce: boolean): string {
  return countAsnOnce && login.asn !== null ? `AS${login.asn}` : (login.network ?? "");
}

/**
 * `login-burst`: a login fires when the logins of its mailbox in the `window_hours` up to it
 * come from at least `min_networks` distinct networks (networks of one known AS count once
 * when `count_asn_once`). Twice the threshold raises the severity one step. Evidence: the
 * first login of each network. Recomputes every login a new login can change: those in the
 * window after it. Never throws.
 */
export function recordLoginBurst(
  history: History,
  rules: ResolvedRules,
  event: MailboxEvent,
  findings: FindingSet,
): void {
  const settings = rules["login-burst"];
  const mailbox = event.mailbox_address;
  if (event.type !== "login" || mailbox === null || event.network === null) return;
  const window = settings.window_hours * HOUR;
  const logins = history.events({
    host: event.host,
    mailbox,
    types: [...LOGIN_TYPES],
    ...spanAround(event.event_time, window),
  });
  if (logins === undefined) return;
  const usable = logins.filter((login) => login.network !== null);
  for (const { anchor, inWindow } of windowsFrom(usable, event.event_time, window)) {
    const evidence = firstOfEachGroup(inWindow, (login) => groupOf(login, settings.count_asn_once));
    let incident = null;
    if (evidence.length >= settings.min_networks) {
      const rank = severityRank(settings.severity);
      const raised = evidence.length >= 2 * settings.min_networks ? Math.min(rank + 1, 3) : rank;
      incident = makeIncident(SEVERITIES[raised]!, anchor, evidence, {
        networks: evidence.length,
        network_list: evidence.map((login) => login.network).join(", "),
        window_hours: settings.window_hours,
      });
    }
    findings.record("login-burst", mailboxKey(anchor.host, mailbox), anchor, incident);
  }
}
