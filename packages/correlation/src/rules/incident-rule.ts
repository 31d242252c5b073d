import type { Incident } from "../finding.js";
import type { History } from "../history.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";

/**
 * A rule judged at one anchor event: the incident the anchor starts, null when it starts
 * none, undefined while history it needs is still missing (the loop asks and comes back).
 * Never throws on any event content.
 */
export type IncidentRule = (
  history: History,
  rules: ResolvedRules,
  anchor: MailboxEvent,
) => Incident | null | undefined;
