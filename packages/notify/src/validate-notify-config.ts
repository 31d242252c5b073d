import type {
  ChannelConfigBase,
  CommandChannelConfig,
  EmailChannelConfig,
  NotifyChannelConfig,
  WebhookChannelConfig,
} from "./channel-config.js";
import { type FieldReader, readFields } from "./config-fields.js";
import { NotifyConfigError } from "./notify-config-error.js";
import { isSeverity, SEVERITIES } from "./severity.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ADDRESS = /^[^\s@<>,;:"()[\]\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

function parseUrl(key: string, value: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new NotifyConfigError(key, "is not a URL");
  }
  if (!protocols.includes(url.protocol)) {
    throw new NotifyConfigError(key, `must start with ${protocols.join(" or ")}//`);
  }
  if (url.hostname === "") throw new NotifyConfigError(key, "names no host");
  return url;
}

function address(key: string, value: string): string {
  if (!ADDRESS.test(value)) throw new NotifyConfigError(key, "is not a plain mail address");
  return value;
}

function base(fields: FieldReader, type: string, position: number): ChannelConfigBase {
  const name = fields.string("name", { optional: true }) ?? `${type}-${position}`;
  if (!NAME.test(name)) {
    throw new NotifyConfigError(`${fields.prefix}.name`, "must be letters, digits, '.', '_', '-'");
  }
  const severity = fields.string("min_severity", { optional: true }) ?? "medium";
  if (!isSeverity(severity)) {
    throw new NotifyConfigError(
      `${fields.prefix}.min_severity`,
      `must be one of ${SEVERITIES.join(", ")}`,
    );
  }
  return {
    name,
    min_severity: severity,
    max_per_hour: fields.integer("max_per_hour", 30, 1, 100_000),
    timeout_ms: fields.integer("timeout_ms", 10_000, 100, 120_000),
  };
}

function webhook(fields: FieldReader, common: ChannelConfigBase): WebhookChannelConfig {
  const url = fields.string("url");
  const parsed = parseUrl(`${fields.prefix}.url`, url, ["https:", "http:"]);
  if (parsed.username !== "" || parsed.password !== "") {
    throw new NotifyConfigError(`${fields.prefix}.url`, "must not carry credentials");
  }
  const secret = fields.string("secret", { secret: true });
  if (secret.length < 16) {
    throw new NotifyConfigError(`${fields.prefix}.secret`, "must be at least 16 characters");
  }
  const ca = fields.string("ca_file", { optional: true });
  return { type: "webhook", ...common, url, secret, ...(ca ? { ca_file: ca } : {}) };
}

function email(fields: FieldReader, common: ChannelConfigBase): EmailChannelConfig {
  const smtp = fields.string("smtp", { secret: true });
  const parsed = parseUrl(`${fields.prefix}.smtp`, smtp, ["smtp:", "smtps:"]);
  if ((parsed.pathname !== "" && parsed.pathname !== "/") || parsed.search !== "") {
    throw new NotifyConfigError(
      `${fields.prefix}.smtp`,
      "must be smtp[s]://[user:pass@]host[:port]",
    );
  }
  const from = address(`${fields.prefix}.from`, fields.string("from"));
  const to = fields
    .strings("to")
    .map((item, index) => address(`${fields.prefix}.to[${index}]`, item));
  if (to.length === 0) throw new NotifyConfigError(`${fields.prefix}.to`, "names no recipient");
  const ca = fields.string("ca_file", { optional: true });
  const requireTls = fields.boolean("require_tls", false);
  return {
    type: "email",
    ...common,
    smtp,
    from,
    to,
    require_tls: requireTls,
    ...(ca ? { ca_file: ca } : {}),
  };
}

function command(fields: FieldReader, common: ChannelConfigBase): CommandChannelConfig {
  const path = fields.string("path");
  if (!path.startsWith("/") || path.split("/").some((part) => part === ".." || part === ".")) {
    throw new NotifyConfigError(
      `${fields.prefix}.path`,
      "must be an absolute path without . or ..",
    );
  }
  return { type: "command", ...common, path, args: fields.strings("args", []) };
}

const BUILDERS = { webhook, email, command } as const;

/**
 * Validates the `notify:` list of the server's config into typed channel configs with their
 * defaults filled in. `undefined`/`null` mean no channel.
 *
 * @param raw the parsed YAML value
 * @param key how the list is named in errors (default `notify`)
 * @throws NotifyConfigError naming the first bad key (`notify[2].to[0]`), an unknown key, a
 *   duplicate name or an unknown `type`; a secret's value is never repeated in the message
 */
export function validateNotifyConfig(raw: unknown, key = "notify"): NotifyChannelConfig[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new NotifyConfigError(key, "must be a list of channels");
  const names = new Set<string>();
  return raw.map((entry, index) => {
    const fields = readFields(entry, `${key}[${index}]`);
    const type = fields.string("type");
    if (!Object.hasOwn(BUILDERS, type)) {
      throw new NotifyConfigError(`${fields.prefix}.type`, "must be webhook, email or command");
    }
    const config = BUILDERS[type as keyof typeof BUILDERS](fields, base(fields, type, index + 1));
    fields.rejectUnknown();
    if (names.has(config.name)) {
      throw new NotifyConfigError(`${fields.prefix}.name`, `${config.name} is used twice`);
    }
    names.add(config.name);
    return config;
  });
}
