import { type Alert, isAlertSeverity, isAlertState } from "./alert.js";

/** The outcome of {@link parseAlert}: the alert, or the first field that is wrong. */
export type ParsedAlert =
  | { ok: true; alert: Alert }
  | { ok: false; field: string; expected: string };

function wrong(field: string, expected: string): ParsedAlert {
  return { ok: false, field, expected };
}

const STRING_LISTS = ["hosts", "mailbox_addresses", "ips", "forward_recipients"] as const;
const EVENT_TIMES = ["first_event_time", "last_event_time"] as const;
const STAMPS = ["created_at", "updated_at"] as const;
/** 0001-01-01 … 9999-12-31, in Unix seconds: anything else is not a time. */
const TIME_RANGE = { min: -62_135_596_800, max: 253_402_300_799 };

function isId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

function unixSeconds(value: unknown, allowIso: boolean): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    return value >= TIME_RANGE.min && value <= TIME_RANGE.max ? value : undefined;
  }
  if (
    allowIso &&
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(value)
  ) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
  }
  return undefined;
}

/**
 * Checks one element of `{"alerts":[…]}` and copies the contract's fields (others are
 * dropped): enums must be known, ids positive integers, lists lists of strings, times Unix
 * seconds (`created_at`/`updated_at` may also be ISO 8601, converted to seconds).
 * Never throws.
 */
export function parseAlert(value: Readonly<Record<string, unknown>>): ParsedAlert {
  if (!isId(value.id)) return wrong("id", "a positive whole number");
  if (typeof value.rule !== "string" || value.rule === "") {
    return wrong("rule", "a non-empty string");
  }
  if (!isAlertSeverity(value.severity)) {
    return wrong("severity", "info, low, medium or high");
  }
  if (!isAlertState(value.state)) {
    return wrong("state", "open, acknowledged, resolved or false_positive");
  }
  if (typeof value.summary !== "string") return wrong("summary", "a string");
  for (const field of STRING_LISTS) {
    const list = value[field];
    if (!Array.isArray(list) || !list.every((item) => typeof item === "string")) {
      return wrong(field, "a list of strings");
    }
  }
  const eventIds = value.event_ids;
  if (!Array.isArray(eventIds) || !eventIds.every(isId)) {
    return wrong("event_ids", "a list of positive whole numbers");
  }
  const times: Partial<Record<(typeof EVENT_TIMES)[number] | (typeof STAMPS)[number], number>> = {};
  for (const field of [...EVENT_TIMES, ...STAMPS]) {
    const seconds = unixSeconds(value[field], (STAMPS as readonly string[]).includes(field));
    if (seconds === undefined) return wrong(field, "a time in Unix seconds");
    times[field] = seconds;
  }
  const alert: Alert = {
    id: value.id,
    rule: value.rule,
    severity: value.severity,
    state: value.state,
    hosts: [...(value.hosts as string[])],
    mailbox_addresses: [...(value.mailbox_addresses as string[])],
    ips: [...(value.ips as string[])],
    forward_recipients: [...(value.forward_recipients as string[])],
    event_ids: [...eventIds],
    summary: value.summary,
    first_event_time: times.first_event_time!,
    last_event_time: times.last_event_time!,
    created_at: times.created_at!,
    updated_at: times.updated_at!,
  };
  return { ok: true, alert };
}
