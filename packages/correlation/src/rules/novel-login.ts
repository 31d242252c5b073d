import type { Incident } from "../finding.js";
import type { History } from "../history.js";
import { actorFacts, makeIncident } from "../incident.js";
import type { MailboxEvent } from "../mailbox-event.js";
import type { ResolvedRules } from "../rules-defaults.js";
import { isNovelLogin } from "./novelty.js";

/**
 * `novel-login` at a login: fires when the login is novel ({@link isNovelLogin}). Evidence: the
 * login. Undefined while history is missing. Never throws.
 */
export function novelLoginIncident(
  history: History,
  rules: ResolvedRules,
  login: MailboxEvent,
): Incident | null | undefined {
  const novel = isNovelLogin(history, rules, login);
  if (novel !== true) return novel === undefined ? undefined : null;
  const settings = rules["novel-login"];
  return makeIncident(settings.severity, login, [login], {
    ...actorFacts(login),
    window_days: settings.window_days,
  });
}
