import type { LogType } from "./entry.js";

/** The four log types, in the order the CLI lists them. */
export const LOG_TYPES: readonly LogType[] = ["access", "error", "login", "session"];

/** True when `value` names one of {@link LOG_TYPES}. Never throws. */
export function isLogType(value: unknown): value is LogType {
  return value === "access" || value === "error" || value === "login" || value === "session";
}
