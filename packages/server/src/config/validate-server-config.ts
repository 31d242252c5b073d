import { type ResolvedRules, validateRulesConfig } from "@spoor/correlation";
import { type NotifyChannelConfig, validateNotifyConfig } from "@spoor/notify";
import { parseDatabaseUrl } from "../database/parse-database-url.js";
import { type ListenAddress, parseListen } from "./parse-listen.js";
import { ServerConfigError } from "./server-config-error.js";

/** The contents of `server.yml`, validated, defaults filled in. */
export interface ServerConfig {
  listen?: ListenAddress;
  database?: string;
  /** Base of the console links in notifications. */
  public_url?: string;
  tls?: { cert: string; key: string };
  rules: ResolvedRules;
  notify: NotifyChannelConfig[];
  retention_days: number;
}

const KEYS = ["listen", "database", "public_url", "tls", "rules", "notify", "retention_days"];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function text(value: unknown, key: string): string {
  if (typeof value !== "string" || value === "") {
    throw new ServerConfigError(`${key} must be a non-empty string`, { key });
  }
  return value;
}

function tls(value: unknown): ServerConfig["tls"] {
  if (!isObject(value))
    throw new ServerConfigError("tls must be {cert: PATH, key: PATH}", { key: "tls" });
  for (const name of Object.keys(value)) {
    if (name !== "cert" && name !== "key") {
      throw new ServerConfigError(`tls.${name}: unknown key (known: cert, key)`, {
        key: `tls.${name}`,
      });
    }
  }
  return { cert: text(value.cert, "tls.cert"), key: text(value.key, "tls.key") };
}

/** Wraps the rules' and channels' own errors so every message names its key. */
function delegated<T>(key: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const named = (error as { key?: unknown }).key;
    const problem = (error as { problem?: unknown }).problem;
    throw new ServerConfigError(typeof problem === "string" ? problem : (error as Error).message, {
      key: typeof named === "string" ? named : key,
    });
  }
}

/**
 * Validates a parsed `server.yml` (`null`/empty → defaults): `listen` HOST:PORT, `database`
 * sqlite:PATH or :memory:, `public_url` an http(s) URL, `tls` {cert, key}, `rules` (by
 * `@spoor/correlation`), `notify` (by `@spoor/notify`), `retention_days` 1–36500 (default 400).
 *
 * @throws ServerConfigError naming the first bad or unknown key.
 */
export function validateServerConfig(raw: unknown): ServerConfig {
  const document = raw ?? {};
  if (!isObject(document)) throw new ServerConfigError("server.yml must be a mapping of keys");
  for (const key of Object.keys(document)) {
    if (!KEYS.includes(key)) {
      throw new ServerConfigError(`${key}: unknown key (known: ${KEYS.join(", ")})`, { key });
    }
  }
  const config: ServerConfig = {
    rules: delegated("rules", () => validateRulesConfig(document.rules ?? undefined)),
    notify: delegated("notify", () => validateNotifyConfig(document.notify ?? undefined)),
    retention_days: 400,
  };
  if (document.listen !== undefined) config.listen = parseListen(text(document.listen, "listen"));
  if (document.database !== undefined) {
    const database = text(document.database, "database");
    delegated("database", () => parseDatabaseUrl(database));
    config.database = database;
  }
  if (document.public_url !== undefined) {
    const url = text(document.public_url, "public_url");
    if (!/^https?:\/\/[^\s/]+/.test(url)) {
      throw new ServerConfigError("public_url must be an http:// or https:// URL", {
        key: "public_url",
      });
    }
    config.public_url = url.replace(/\/+$/, "");
  }
  if (document.tls !== undefined) config.tls = tls(document.tls);
  if (document.retention_days !== undefined) {
    const days = document.retention_days;
    if (typeof days !== "number" || !Number.isInteger(days) || days < 1 || days > 36500) {
      throw new ServerConfigError("retention_days must be a whole number from 1 to 36500", {
        key: "retention_days",
      });
    }
    config.retention_days = days;
  }
  return config;
}
