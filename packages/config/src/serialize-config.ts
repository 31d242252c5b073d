import { Document } from "yaml";
import { LOG_TYPES } from "./log-type.js";
import type { ConfigFileContent } from "./spoor-config.js";

const TRANSMISSION_ORDER = [
  "credentials",
  "endpoints",
  "host",
  "allow_insecure_http",
  "timeout_ms",
  "concurrency",
  "events",
  "reporter",
  "heartbeat",
  "analyst_credentials",
] as const;

/**
 * The YAML text of a config file, laid out as the original's installer wrote it: a leading
 * `---`, block style, sections followers → transmission → application, follower keys sorted,
 * `credentials`, `endpoints`, `host` first in transmission. Never throws.
 */
export function serializeConfig(content: ConfigFileContent): string {
  const followers: Record<string, Record<string, unknown>> = {};
  for (const type of LOG_TYPES) {
    const follower = content.followers[type];
    if (follower !== undefined) followers[type] = sortKeys(follower);
  }
  const transmission: Record<string, unknown> = {};
  for (const key of TRANSMISSION_ORDER) {
    const value = content.transmission[key];
    if (value !== undefined) transmission[key] = value;
  }
  const ordered: Record<string, unknown> = { followers, transmission };
  if (content.application !== undefined) ordered.application = content.application;
  const document = new Document(ordered);
  if (document.directives) document.directives.docStart = true;
  return document.toString({ lineWidth: 0 });
}

function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
}
