import { isAbsolute } from "node:path";
import { ConfigError } from "./config-error.js";
import { describeValue } from "./describe-value.js";

/** The file being validated, named in every message. */
export interface ReadContext {
  path: string;
  /** Collects the Perl original's keys that were found and ignored (dotted names). */
  ignoredKeys?: string[];
}

/** A missing key, or one with an empty value, counts as unset. */
export function isUnset(value: unknown): value is undefined | null | "" {
  return value === undefined || value === null || value === "";
}

/**
 * Throws the ConfigError `key: expected X, found Y (in FILE)`.
 * @throws ConfigError always.
 */
export function fail(
  context: ReadContext,
  key: string,
  expected: string,
  value: unknown,
  options: { secret?: boolean; found?: string; hint?: string; fix?: string } = {},
): never {
  const found = options.found ?? describeValue(value, options);
  const hint = options.hint === undefined ? "" : ` (${options.hint})`;
  throw new ConfigError({
    path: context.path,
    key,
    problem: `${key}: expected ${expected}, found ${found}${hint} in ${context.path}`,
    ...(options.fix === undefined ? {} : { fix: options.fix }),
  });
}

/**
 * A mapping, or undefined when unset and optional.
 * @throws ConfigError for anything else (with a fix when a required section is missing).
 */
export function readMapping(
  context: ReadContext,
  key: string,
  value: unknown,
  optional: boolean,
): Record<string, unknown> | undefined {
  if (optional && isUnset(value)) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const section = key === "top level" ? "the configuration" : `the ${key} section`;
    const fix = isUnset(value)
      ? `add ${section} to ${context.path} (spoor install writes a complete file)`
      : undefined;
    return fail(context, key, "a mapping", value, fix === undefined ? {} : { fix });
  }
  return value as Record<string, unknown>;
}

/** A non-empty string. @throws ConfigError when unset or not a string. */
export function readString(
  context: ReadContext,
  key: string,
  value: unknown,
  options: { secret?: boolean } = {},
): string {
  if (typeof value !== "string" || value === "") {
    return fail(context, key, "a non-empty string", value, options);
  }
  return value;
}

/** An absolute path, or `fallback` when unset. @throws ConfigError otherwise. */
export function readAbsolutePath(
  context: ReadContext,
  key: string,
  value: unknown,
  fallback?: string,
): string {
  if (fallback !== undefined && isUnset(value)) return fallback;
  if (typeof value !== "string" || !isAbsolute(value)) {
    return fail(context, key, "an absolute path", value);
  }
  return value;
}

/** A whole number in [min, max], or `fallback` when unset. @throws ConfigError otherwise. */
export function readInteger(
  context: ReadContext,
  key: string,
  value: unknown,
  range: { min: number; max: number; fallback: number },
): number {
  if (isUnset(value)) return range.fallback;
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= range.min && number <= range.max)) {
    return fail(context, key, `a whole number from ${range.min} to ${range.max}`, value);
  }
  return number;
}

const TRUE = new Set(["true", "yes", "on", "1"]);
const FALSE = new Set(["false", "no", "off", "0"]);

/** true/yes/on/1 or false/no/off/0, or `fallback` when unset. @throws ConfigError otherwise. */
export function readBoolean(
  context: ReadContext,
  key: string,
  value: unknown,
  fallback: boolean,
): boolean {
  if (isUnset(value)) return fallback;
  const word = typeof value === "string" ? value.toLowerCase() : "";
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  return fail(context, key, "true or false", value);
}
