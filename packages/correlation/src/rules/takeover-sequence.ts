import {
  isRedirect,
  isTakeoverTrigger,
  LOGIN_TYPES,
  TAKEOVER_TRIGGER_TYPES,
} from "../event-types.js";
import type { History } from "../history.js";
import { actorFacts, byTimeThenIp, makeIncident } from "../incident.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { isExternalRedirect } from "./externality.js";
import type { IncidentRule } from "./incident-rule.js";
import { isNovelLogin } from "./novelty.js";

const HOUR = 3_600;

/** The triggers of `login`'s mailbox in the window after it (their takeover may change). */
export function triggersAfter(
  history: History,
  rules: ResolvedRules,
  login: MailboxEvent,
): MailboxEvent[] {
  if (login.mailbox_address === null) return [];
  const triggers = history.events({
    host: login.host,
    mailbox: login.mailbox_address,
    types: [...TAKEOVER_TRIGGER_TYPES],
    from: login.event_time,
    to: login.event_time + rules["takeover-sequence"].window_hours * HOUR,
    order: "asc",
    limit: null,
  });
  return (triggers ?? []).filter(isTakeoverTrigger);
}

function actionOf(trigger: MailboxEvent): string {
  if (trigger.type === "mailbox_password_changed") return "password_changed";
  if (trigger.type === "filter_stored") return "filter_stored";
  return "forwarder_added";
}

/**
 * `takeover-sequence` at a trigger (an external forwarder or redirecting filter, or a password
 * change): fires when a novel login of the same mailbox lies in the `window_hours` up to it.
 * Evidence: those novel logins and the trigger; the summary names the last of them.
 * Undefined while history is missing. Never throws.
 */
export const takeoverIncident: IncidentRule = (history, rules, trigger) => {
  const mailbox = trigger.mailbox_address;
  if (!isTakeoverTrigger(trigger) || mailbox === null) return null;
  const external = isRedirect(trigger) ? isExternalRedirect(history, rules, trigger) : true;
  const settings = rules["takeover-sequence"];
  const logins = history.events({
    host: trigger.host,
    mailbox,
    types: [...LOGIN_TYPES],
    from: trigger.event_time - settings.window_hours * HOUR,
    to: trigger.event_time,
    order: "asc",
    limit: null,
  });
  if (external === false) return null;
  if (logins === undefined) return undefined;
  const novel: MailboxEvent[] = [];
  let pending = external === undefined;
  for (const login of logins) {
    const isNovel = isNovelLogin(history, rules, login);
    if (isNovel === undefined) pending = true;
    else if (isNovel) novel.push(login);
  }
  if (pending) return undefined;
  if (novel.length === 0) return null;
  const last = [...novel].sort(byTimeThenIp).at(-1)!;
  return makeIncident(settings.severity, trigger, [...novel, trigger], {
    ...actorFacts(last),
    action: actionOf(trigger),
    recipient: trigger.forward_recipient,
    seconds_after: trigger.event_time - last.event_time,
    window_days: rules["novel-login"].window_days,
  });
};
