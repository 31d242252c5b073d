/** The four cPanel logs spoor reads. */
export type LogType = "access" | "error" | "login" | "session";

/** Outcome of the logged action. */
export type EntryStatus = "success" | "failed" | "deferred";

/** Whose credential the event is about. */
export type EntryContext = "mailbox" | "domain" | "system" | "unrecognised";

/**
 * One parsed log line, with the original's wire names (snake_case). Exactly the fields that
 * apply to a line are present (contract §2); `spoor parse` prints these objects as they are.
 */
export interface ParsedEntry {
  type: LogType;
  event: string;
  log_time?: number;
  ip?: string;
  credential?: string;
  context?: EntryContext;
  status?: EntryStatus;
  scope?: string;
  possessor?: string;
  message?: string;
  endpoint?: string;
  forward_recipient?: string;
  forward_type?: "email" | "system_user" | "pipe" | string;
  forward_to?: string | null;
  email?: string | null;
  [field: string]: unknown;
}
