import type { HookEventName } from "./entry.js";

/**
 * Every event the cPanel hook writes to error_log, in design.md order. The hook writes
 * `[YYYY-MM-DD HH:MM:SS ±HHMM] info [spoor_<tag>] <json>`, where the tag is the event name,
 * except the original's `spoor_forward_added` for `forward_added_partial_recipient`.
 */
export const HOOK_EVENTS: readonly HookEventName[] = [
  "forward_added_partial_recipient",
  "forward_removed_recipient",
  "domain_forward_added",
  "domain_forward_removed",
  "filter_stored",
  "filter_deleted",
  "mailbox_password_changed",
  "mailbox_created",
  "mailbox_deleted",
  "autoresponder_added",
  "autoresponder_deleted",
  "default_address_set",
];
