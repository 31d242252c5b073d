import type { MailboxEvent } from "./mailbox-event.js";

/** A successful mailbox login (the agent sends only those). */
export const LOGIN_TYPES = ["login"] as const;
/** A forwarder added: merged, or the recipient half standing alone. */
export const FORWARD_ADDED_TYPES = ["forward_added", "forward_added_partial_recipient"] as const;
/** A forwarder removed: the access-log form and the hook's form. */
export const FORWARD_REMOVED_TYPES = ["forward_removed", "forward_removed_recipient"] as const;
/** Events that complete a takeover after a novel login (server.md §4). */
export const TAKEOVER_TRIGGER_TYPES = [
  ...FORWARD_ADDED_TYPES,
  "filter_stored",
  "mailbox_password_changed",
] as const;

/** True when the event is a login usable by the network rules. Never throws. */
export function isNetworkLogin(event: MailboxEvent): boolean {
  return event.type === "login" && event.mailbox_address !== null && event.network !== null;
}

/** True when the event adds a forwarder with a recipient. Never throws. */
export function isForwarderAdded(event: MailboxEvent): boolean {
  return (
    (FORWARD_ADDED_TYPES as readonly string[]).includes(event.type) &&
    event.mailbox_address !== null &&
    event.forward_recipient !== null
  );
}

/**
 * True when the event sends mail elsewhere (a forwarder, or a filter with a destination), so
 * its recipient's externality matters. Never throws.
 */
export function isRedirect(event: MailboxEvent): boolean {
  return (
    isForwarderAdded(event) ||
    (event.type === "filter_stored" &&
      event.mailbox_address !== null &&
      event.forward_recipient !== null)
  );
}

/** True for a takeover trigger of server.md §4. Never throws. */
export function isTakeoverTrigger(event: MailboxEvent): boolean {
  return (
    isRedirect(event) ||
    (event.type === "mailbox_password_changed" && event.mailbox_address !== null)
  );
}
