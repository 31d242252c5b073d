import { actorFacts, makeIncident } from "../incident.js";
import type { IncidentRule } from "./incident-rule.js";
import { isNovelLogin } from "./novelty.js";

/**
 * `novel-login` at a login: fires when the login is novel ({@link isNovelLogin}). Evidence: the
 * login. Undefined while history is missing. Never throws.
 */
export const novelLoginIncident: IncidentRule = (history, rules, login) => {
  const novel = isNovelLogin(history, rules, login);
  if (novel !== true) return novel === undefined ? undefined : null;
  const settings = rules["novel-login"];
  return makeIncident(settings.severity, login, [login], {
    ...actorFacts(login),
    window_days: settings.window_days,
  });
};
