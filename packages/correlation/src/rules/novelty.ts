import { LOGIN_TYPES } from "../event-types.js";
import type { History } from "../history.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";

const DAY = 86_400;

/**
 * Whether a login is novel: the mailbox has at least `min_history_days` of history before it,
 * and no login of the mailbox from the same network falls in the `window_days` before it
 * (strictly earlier seconds). Undefined while history is missing. Used by `novel-login` and by
 * `takeover-sequence` (whether or not `novel-login` is enabled). Never throws.
 */
export function isNovelLogin(
  history: History,
  rules: ResolvedRules,
  login: MailboxEvent,
): boolean | undefined {
  const settings = rules["novel-login"];
  const mailbox = login.mailbox_address;
  if (login.type !== "login" || mailbox === null || login.network === null) return false;
  const firstSeen = history.firstSeen(login.host, mailbox, 0);
  const prior = history.events({
    host: login.host,
    mailbox,
    network: login.network,
    types: [...LOGIN_TYPES],
    from: login.event_time - settings.window_days * DAY,
    to: login.event_time - 1,
    order: "desc",
    limit: 1,
  });
  if (firstSeen === undefined || prior === undefined) return undefined;
  if (firstSeen === null || firstSeen > login.event_time - settings.min_history_days * DAY) {
    return false;
  }
  return prior.length === 0;
}

/**
 * The logins whose novelty `event` may have changed: the event itself (a login); the first
 * later logins from its network within the window (no longer novel); and, when the event is
 * the mailbox's new earliest, the logins that now have enough history. Never throws.
 */
export function loginsWithChangedNovelty(
  history: History,
  rules: ResolvedRules,
  event: MailboxEvent,
): MailboxEvent[] {
  const settings = rules["novel-login"];
  const mailbox = event.mailbox_address;
  if (mailbox === null) return [];
  const found = new Map<number, MailboxEvent>();
  if (event.type === "login" && event.network !== null) {
    found.set(event.id, event);
    const later = history.events({
      host: event.host,
      mailbox,
      network: event.network,
      types: [...LOGIN_TYPES],
      from: event.event_time + 1,
      to: event.event_time + settings.window_days * DAY,
      order: "asc",
      limit: 20,
    });
    const firstTime = later?.[0]?.event_time;
    for (const login of later ?? []) if (login.event_time === firstTime) found.set(login.id, login);
  }
  const before = history.firstSeen(event.host, mailbox, event.id);
  if (typeof before === "number" && before > event.event_time) {
    const history_ = settings.min_history_days * DAY;
    const eligible = history.events({
      host: event.host,
      mailbox,
      types: [...LOGIN_TYPES],
      from: event.event_time + history_,
      to: before + history_ - 1,
      order: "asc",
      limit: null,
    });
    for (const login of eligible ?? []) if (login.network !== null) found.set(login.id, login);
  }
  return [...found.values()];
}
