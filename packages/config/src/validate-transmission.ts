import { checkKeys } from "./check-keys.js";
import {
  fail,
  isUnset,
  type ReadContext,
  readBoolean,
  readInteger,
  readMapping,
  readString,
} from "./field-readers.js";
import type { ResolvedDefaults } from "./resolve-defaults.js";
import type { TransmissionConfig } from "./spoor-config.js";
import { validateHost } from "./validate-host.js";

const EVENT_NAME = /^[a-z][a-z0-9_]*$/;

const TRANSMISSION_KEYS = [
  "credentials",
  "host",
  "endpoints",
  "allow_insecure_http",
  "timeout_ms",
  "concurrency",
  "events",
  "reporter",
  "heartbeat",
  "analyst_credentials",
];

/**
 * The `transmission` section: credentials and host are required, every new key has a
 * default (`heartbeat` off; `analyst_credentials` optional, checked like `credentials`).
 * Unknown keys are refused. A secret is never shown in a message.
 * @throws ConfigError naming the bad key.
 */
export function validateTransmission(
  context: ReadContext,
  value: unknown,
  defaults: ResolvedDefaults["transmission"],
): TransmissionConfig {
  const section = readMapping(context, "transmission", value, false)!;
  checkKeys(context, "transmission", section, { known: TRANSMISSION_KEYS });
  const allowInsecureHttp = readBoolean(
    context,
    "transmission.allow_insecure_http",
    section.allow_insecure_http,
    defaults.allow_insecure_http,
  );
  const endpoints = readMapping(context, "transmission.endpoints", section.endpoints, true) ?? {};
  checkKeys(context, "transmission.endpoints", endpoints, { known: ["report"] });
  const config: TransmissionConfig = {
    credentials: readCredentials(context, "transmission.credentials", section.credentials),
    host: validateHost(context, section.host, allowInsecureHttp),
    endpoints: { report: readEndpoint(context, endpoints.report, defaults.endpoints.report) },
    allow_insecure_http: allowInsecureHttp,
    timeout_ms: readInteger(context, "transmission.timeout_ms", section.timeout_ms, {
      min: 1,
      max: 600_000,
      fallback: defaults.timeout_ms,
    }),
    concurrency: readInteger(context, "transmission.concurrency", section.concurrency, {
      min: 1,
      max: 64,
      fallback: defaults.concurrency,
    }),
    events: readEvents(context, section.events, defaults.events),
    heartbeat: readBoolean(
      context,
      "transmission.heartbeat",
      section.heartbeat,
      defaults.heartbeat,
    ),
  };
  if (!isUnset(section.reporter)) {
    config.reporter = readString(context, "transmission.reporter", section.reporter);
  }
  if (!isUnset(section.analyst_credentials)) {
    config.analyst_credentials = readCredentials(
      context,
      "transmission.analyst_credentials",
      section.analyst_credentials,
    );
  }
  return config;
}

function readCredentials(
  context: ReadContext,
  key: string,
  value: unknown,
): TransmissionConfig["credentials"] {
  const credentials = readMapping(context, key, value, false)!;
  checkKeys(context, key, credentials, { known: ["api_identifier", "api_secret"] });
  return {
    api_identifier: readString(context, `${key}.api_identifier`, credentials.api_identifier),
    api_secret: readString(context, `${key}.api_secret`, credentials.api_secret, {
      secret: true,
    }),
  };
}

function readEndpoint(context: ReadContext, value: unknown, fallback: string): string {
  if (isUnset(value)) return fallback;
  if (typeof value !== "string" || !value.startsWith("/") || /[?#\s]/.test(value)) {
    return fail(context, "transmission.endpoints.report", "a path starting with /", value);
  }
  return value;
}

function readEvents(context: ReadContext, value: unknown, fallback: string[]): string[] {
  if (isUnset(value)) return [...fallback];
  if (!Array.isArray(value)) return fail(context, "transmission.events", "a list", value);
  return value.map((event, index) => {
    if (typeof event !== "string" || !EVENT_NAME.test(event)) {
      return fail(
        context,
        `transmission.events[${index}]`,
        "an event name like mailbox_created",
        event,
      );
    }
    return event;
  });
}
