/** The four cPanel logs spoor reads. */
export type LogType = "access" | "error" | "login" | "session";

/**
 * Outcome of the logged action: `success`, `failed` or `deferred` in practice. A login_log
 * failure line carries its status word lower-cased as the original did, so another word
 * (which cPanel does not write today) would come through as it is.
 */
export type EntryStatus = "success" | "failed" | "deferred";

/** Whose credential the event is about. */
export type EntryContext = "mailbox" | "domain" | "system" | "unrecognised";

/** Names of the events the cPanel hook writes to error_log (design.md "Hook event names"). */
export type HookEventName =
  | "forward_added_partial_recipient"
  | "forward_removed_recipient"
  | "domain_forward_added"
  | "domain_forward_removed"
  | "filter_stored"
  | "filter_deleted"
  | "mailbox_password_changed"
  | "mailbox_created"
  | "mailbox_deleted"
  | "autoresponder_added"
  | "autoresponder_deleted"
  | "default_address_set";

/**
 * One parsed log line, with the original's wire names (snake_case). Exactly the fields that
 * apply to a line are present (contract §2); `spoor parse` prints these objects as they are.
 * The interfaces below narrow it per kind of line; {@link KnownEntry} is their union.
 */
export interface ParsedEntry {
  type: LogType;
  event: string;
  log_time?: number;
  ip?: string;
  credential?: string;
  context?: EntryContext;
  status?: EntryStatus | (string & Record<never, never>);
  scope?: string;
  possessor?: string;
  message?: string;
  endpoint?: string;
  forward_recipient?: string;
  forward_type?: "email" | "system_user" | "pipe" | (string & Record<never, never>);
  forward_to?: string | null;
  email?: string | null;
  domain?: string | null;
  filter_name?: string | null;
  [field: string]: unknown;
}

/** A line that was not understood: exactly `{type, event: "unrecognised"}`. */
export interface UnrecognisedEntry<T extends LogType = LogType> extends ParsedEntry {
  type: T;
  event: "unrecognised";
}

/**
 * An access_log line of the usual shape (`IP - USER [MM/DD/YYYY:HH:MM:SS ±HHMM] "REQUEST"
 * STATUS …`). Lines of that shape that are not a forwarder event are still reported, with
 * `event: "unrecognised"` and every other field, as the original did.
 */
export interface AccessEntry extends ParsedEntry {
  type: "access";
  event: "forward_added_partial_ip" | "forward_removed" | "unrecognised";
  log_time: number;
  ip: string;
  credential: string;
  context: "mailbox" | "unrecognised";
  status: "success" | "failed";
  /** `forward_removed` only, and only when the recipient is neither empty nor `"0"`. */
  forward_recipient?: string;
}

/** A login: from login_log (success, failure, deferral) or from a webmail session_log line. */
export interface LoginEntry extends ParsedEntry {
  type: "login" | "session";
  event: "login";
  log_time: number;
  ip: string;
  credential: string;
  /** login_log success lines with `(possessor: X)`. */
  possessor?: string;
  status: EntryStatus | (string & Record<never, never>);
  scope: string;
  /** Absent for scopes other than webmaild, cpaneld and whostmgrd. */
  context?: "mailbox" | "domain" | "system";
  /** login_log failure and deferral lines. */
  endpoint?: string;
  /** login_log failure and deferral lines. */
  message?: string;
}

/** `[ts] info [spoor_forward_added] {json}` in error_log, exactly as the original read it. */
export interface ForwardAddedRecipientEntry extends ParsedEntry {
  type: "error";
  event: "forward_added_partial_recipient";
  log_time: number;
  status: "success";
  context: "mailbox" | "domain";
  forward_type: "email" | "system_user" | "pipe";
  forward_to: string | null;
  email: string | null;
}

/**
 * Any other hook event line `[ts] info [spoor_<event>] {json}` in error_log. `email` is the
 * mailbox concerned, or the cPanel account for account-level events (`context: "domain"`);
 * the event-specific fields are listed in the README.
 */
export interface HookEntry extends ParsedEntry {
  type: "error";
  event: Exclude<HookEventName, "forward_added_partial_recipient">;
  log_time: number;
  status: "success";
  context: EntryContext;
  email: string | null;
}

/** Every entry a parser returns, as a union on `event` for narrowing. */
export type KnownEntry =
  | AccessEntry
  | LoginEntry
  | ForwardAddedRecipientEntry
  | HookEntry
  | UnrecognisedEntry;
