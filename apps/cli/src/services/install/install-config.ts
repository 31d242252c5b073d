import {
  type ConfigFileContent,
  LOG_TYPES,
  type LogType,
  resolveDefaults,
  UserFacingError,
} from "@spoor/config";
import type { ExistingConfig } from "./existing-config.js";

/** The Spoor API the original sent to, the default host. */
export const DEFAULT_API_HOST = "https://spoor.capefox.co";

/** What the administrator asked for; anything unset keeps the existing value or the default. */
export interface ConfigChoices {
  apiIdentifier?: string;
  apiSecret?: string;
  apiHost?: string;
  logPaths?: Partial<Record<LogType, string>>;
}

/** What to do with the config file. */
export interface ConfigPlan {
  /** The content to write; undefined keeps the existing file byte for byte. */
  content?: ConfigFileContent;
  /** What changes, by key (never a value: one of them is the secret). */
  changes: string[];
}

/**
 * Decides the config file: a new install gets every follower (defaults relocated under
 * `root`) and the given credentials; an existing file keeps every key it has (the Perl
 * era's `debug`, `maxinterval`, `transformer` included) and its credentials unless new ones
 * are given, and is left untouched when nothing changes. With a root other than "/", a new
 * file names its spool and state directories explicitly, so the sandbox is self-contained.
 * @throws UserFacingError when a new install lacks the API identifier or secret.
 */
export function planConfig(
  existing: ExistingConfig | undefined,
  choices: ConfigChoices,
  root: string,
): ConfigPlan {
  return existing === undefined ? planNew(choices, root) : planUpdate(existing, choices);
}

function planNew(choices: ConfigChoices, root: string): ConfigPlan {
  const { apiIdentifier, apiSecret } = choices;
  if (apiIdentifier === undefined || apiSecret === undefined) {
    throw new UserFacingError(
      "There is no configuration yet, so the Spoor API identifier and secret are required.",
      "pass --api-identifier ID with --api-secret-stdin (or SPOOR_API_SECRET, or --api-secret)",
    );
  }
  const defaults = resolveDefaults(root);
  const followers: ConfigFileContent["followers"] = {};
  for (const type of LOG_TYPES) {
    followers[type] = { name: choices.logPaths?.[type] ?? defaults.logPaths[type] };
  }
  const content: ConfigFileContent = {
    followers,
    transmission: {
      credentials: { api_identifier: apiIdentifier, api_secret: apiSecret },
      host: choices.apiHost ?? DEFAULT_API_HOST,
      endpoints: { report: "/api/reports" },
    },
  };
  if (defaults.root !== "/") {
    const { application } = defaults;
    content.application = {
      parsed_entries_path: application.parsed_entries_path,
      transmitted_entries_path: application.transmitted_entries_path,
      transmission_failed_entries_path: application.transmission_failed_entries_path,
      state_path: application.state_path,
      quarantine_path: application.quarantine_path,
    };
  }
  return { content, changes: ["new file"] };
}

function planUpdate(existing: ExistingConfig, choices: ConfigChoices): ConfigPlan {
  const document = structuredClone(existing.document);
  const followers = mapping(document, "followers");
  const transmission = mapping(document, "transmission");
  const credentials = mapping(transmission, "credentials");
  const changes: string[] = [];
  for (const type of LOG_TYPES) {
    const wanted = choices.logPaths?.[type];
    const current = existing.config.followers[type]?.name;
    if (wanted === undefined || wanted === current) continue;
    followers[type] = { ...mapping(followers, type), name: wanted };
    changes.push(current === undefined ? `followers.${type} added` : `followers.${type}.name`);
  }
  const { transmission: loaded } = existing.config;
  if (
    choices.apiIdentifier !== undefined &&
    choices.apiIdentifier !== loaded.credentials.api_identifier
  ) {
    credentials.api_identifier = choices.apiIdentifier;
    changes.push("transmission.credentials.api_identifier");
  }
  if (choices.apiSecret !== undefined && choices.apiSecret !== loaded.credentials.api_secret) {
    credentials.api_secret = choices.apiSecret;
    changes.push("transmission.credentials.api_secret");
  }
  if (choices.apiHost !== undefined && choices.apiHost.replace(/\/+$/, "") !== loaded.host) {
    transmission.host = choices.apiHost;
    changes.push("transmission.host");
  }
  if (changes.length === 0) return { changes };
  return { content: document as unknown as ConfigFileContent, changes };
}

function mapping(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  const fresh: Record<string, unknown> = {};
  parent[key] = fresh;
  return fresh;
}
