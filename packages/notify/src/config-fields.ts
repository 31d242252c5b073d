import { NotifyConfigError } from "./notify-config-error.js";

/** A config object being read: each read key is remembered so unknown keys can be named. */
export interface FieldReader {
  readonly prefix: string;
  string(key: string, options?: { optional?: false; secret?: boolean }): string;
  string(key: string, options: { optional: true; secret?: boolean }): string | undefined;
  integer(key: string, fallback: number, minimum: number, maximum: number): number;
  boolean(key: string, fallback: boolean): boolean;
  strings(key: string, fallback?: string[]): string[];
  /** @throws NotifyConfigError naming the first key that was never read */
  rejectUnknown(): void;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Reads the fields of one config object, each with the key path in its errors.
 * @throws NotifyConfigError when `raw` is not a plain object
 */
export function readFields(raw: unknown, prefix: string): FieldReader {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new NotifyConfigError(prefix, "must be a mapping");
  }
  const record = raw as Record<string, unknown>;
  const seen = new Set<string>();
  const at = (key: string) => `${prefix}.${key}`;
  const get = (key: string) => {
    seen.add(key);
    return record[key];
  };
  const text = (key: string, value: unknown, secret: boolean): string => {
    if (typeof value !== "string" || value === "") {
      throw new NotifyConfigError(at(key), "must be a non-empty string");
    }
    if (!secret && CONTROL.test(value)) {
      throw new NotifyConfigError(at(key), "must not contain control characters");
    }
    return value;
  };
  return {
    prefix,
    string(key: string, options: { optional?: boolean; secret?: boolean } = {}) {
      const value = get(key);
      if (value === undefined && options.optional) return undefined;
      if (value === undefined) throw new NotifyConfigError(at(key), "is required");
      return text(key, value, options.secret ?? false);
    },
    integer(key, fallback, minimum, maximum) {
      const value = get(key);
      if (value === undefined) return fallback;
      if (!Number.isInteger(value) || (value as number) < minimum || (value as number) > maximum) {
        throw new NotifyConfigError(
          at(key),
          `must be an integer from ${minimum} to ${maximum}, not ${JSON.stringify(value)}`,
        );
      }
      return value as number;
    },
    boolean(key, fallback) {
      const value = get(key);
      if (value === undefined) return fallback;
      if (typeof value !== "boolean") throw new NotifyConfigError(at(key), "must be true or false");
      return value;
    },
    strings(key, fallback) {
      const value = get(key);
      if (value === undefined && fallback) return fallback;
      if (!Array.isArray(value)) throw new NotifyConfigError(at(key), "must be a list of strings");
      return value.map((item, index) => text(`${key}[${index}]`, item, false));
    },
    rejectUnknown() {
      const unknown = Object.keys(record).find((key) => !seen.has(key));
      if (unknown !== undefined) throw new NotifyConfigError(at(unknown), "is not a known key");
    },
  } as FieldReader;
}
