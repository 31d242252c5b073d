import type { HookEventName, LogType } from "./entry.js";

/** Every event a parser gives besides `unrecognised`. */
export type EventName = "login" | "forward_added_partial_ip" | "forward_removed" | HookEventName;

/** What the house knows about one event. */
export interface EventSpec {
  name: EventName;
  /**
   * The logs whose lines give it (the entry's `type`). Hook events are error_log lines,
   * also when the hook spools the entry itself.
   */
  logs: readonly LogType[];
  /**
   * Spooled and sent without being named in `transmission.events`: the original's four kinds
   * (each with its own conditions, see `isInteresting`). Every other event is opt-in.
   */
  spooledByDefault: boolean;
  /**
   * Written by the cPanel hook: `"default"` kinds are registered whatever the configuration
   * says (the original hook's forwarder events), `"opt-in"` kinds when named in
   * `transmission.events`. Absent for the events of the other logs.
   */
  hook?: "default" | "opt-in";
}

const optInHook = (name: HookEventName): EventSpec => ({
  name,
  logs: ["error"],
  spooledByDefault: false,
  hook: "opt-in",
});

/**
 * The one list of event names (design.md "Event catalogue"): the parsers, the spool filter,
 * the transmitter, the API client's wire formats and the hook's registrations all read it.
 * Hook events come in design.md order.
 */
export const EVENT_CATALOGUE: readonly EventSpec[] = [
  { name: "login", logs: ["login", "session"], spooledByDefault: true },
  { name: "forward_added_partial_ip", logs: ["access"], spooledByDefault: true },
  { name: "forward_removed", logs: ["access"], spooledByDefault: true },
  {
    name: "forward_added_partial_recipient",
    logs: ["error"],
    spooledByDefault: true,
    hook: "default",
  },
  { name: "forward_removed_recipient", logs: ["error"], spooledByDefault: false, hook: "default" },
  optInHook("domain_forward_added"),
  optInHook("domain_forward_removed"),
  optInHook("filter_stored"),
  optInHook("filter_deleted"),
  optInHook("mailbox_password_changed"),
  optInHook("mailbox_created"),
  optInHook("mailbox_deleted"),
  optInHook("autoresponder_added"),
  optInHook("autoresponder_deleted"),
  optInHook("default_address_set"),
];

/** The original's four kinds, spooled and sent without opting in. */
export const ORIGINAL_EVENTS: readonly EventName[] = EVENT_CATALOGUE.filter(
  (spec) => spec.spooledByDefault,
).map((spec) => spec.name);

/**
 * Every event the cPanel hook writes to error_log, in design.md order. The hook writes
 * `[YYYY-MM-DD HH:MM:SS ±HHMM] info [spoor_<tag>] <json>`, where the tag is the event name,
 * except the original's `spoor_forward_added` for `forward_added_partial_recipient`.
 */
export const HOOK_EVENTS: readonly HookEventName[] = EVENT_CATALOGUE.filter(
  (spec) => spec.hook !== undefined,
).map((spec) => spec.name as HookEventName);

/** The hook events registered whatever the configuration says. */
export const DEFAULT_HOOK_EVENTS: readonly HookEventName[] = EVENT_CATALOGUE.filter(
  (spec) => spec.hook === "default",
).map((spec) => spec.name as HookEventName);

/** The catalogue's entry for an event name; undefined for any other name. Never throws. */
export function findEvent(name: string): EventSpec | undefined {
  return EVENT_CATALOGUE.find((spec) => spec.name === name);
}
