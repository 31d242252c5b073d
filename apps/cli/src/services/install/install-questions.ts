import { type LogType, resolveDefaults, type SpoorConfig } from "@spoor/config";
import type { Prompter } from "../prompts/prompts.js";
import { type ConfigChoices, DEFAULT_API_HOST } from "./install-config.js";
import { hostProblem, identifierProblem, logPathProblem, secretProblem } from "./install-input.js";

/** The original installer's questions (session log and host are new), in its order. */
const LOG_QUESTIONS: ReadonlyArray<[LogType, string]> = [
  ["login", "Please provide the path to the CPanel login log"],
  ["access", "Please provide the full path to the CPanel access log"],
  ["error", "Please provide the full path to the CPanel error log"],
  ["session", "Please provide the full path to the CPanel session log"],
];

/**
 * Asks for the log paths, the API identifier, secret and host. Defaults (in brackets) are
 * the existing configuration's values, else the standard cPanel paths under `root`; the
 * existing secret is never shown, an empty answer keeps it.
 * @throws what the prompter throws (input ended, Ctrl-C).
 */
export async function askInstallChoices(
  prompter: Prompter,
  existing: SpoorConfig | undefined,
  root: string,
): Promise<ConfigChoices> {
  const defaults = resolveDefaults(root);
  const logPaths: Partial<Record<LogType, string>> = {};
  for (const [type, question] of LOG_QUESTIONS) {
    logPaths[type] = await prompter.ask(question, {
      fallback: existing?.followers[type]?.name ?? defaults.logPaths[type],
      validate: logPathProblem,
    });
  }
  const current = existing?.transmission;
  const apiIdentifier = await prompter.ask("Please provide your Spoor API identifier", {
    ...(current === undefined ? {} : { fallback: current.credentials.api_identifier }),
    validate: identifierProblem,
  });
  const apiSecret = await prompter.askSecret("Please provide your Spoor API secret", {
    ...(current === undefined ? {} : { keepHint: "press Enter to keep the current secret" }),
    validate: secretProblem,
  });
  const apiHost = await prompter.ask("Please provide the Spoor API host", {
    fallback: current?.host ?? DEFAULT_API_HOST,
    validate: hostProblem,
  });
  return {
    logPaths,
    apiIdentifier,
    apiHost,
    ...(apiSecret === undefined ? {} : { apiSecret }),
  };
}
