import type { ParsedEntry } from "./entry.js";

/** Which entries count beyond the original's four cases. */
export interface InterestOptions {
  /**
   * Opt-in event names (e.g. hook kinds such as `forward_removed_recipient`, or `login` for
   * every successful login): an entry with one of these events counts when its status is
   * `success`. `unrecognised` is never interesting, even when listed.
   */
  extraEvents?: readonly string[];
}

/**
 * Whether the agent spools `entry` (contract §3): exactly the original's four cases, all with
 * `status: "success"` and `context: "mailbox"` — `login`, `forward_added_partial_ip`,
 * `forward_added_partial_recipient` with `forward_type: "email"`, and `forward_removed` —
 * plus any event named in `options.extraEvents` with `status: "success"`. Never throws.
 */
export function isInteresting(entry: ParsedEntry, options?: InterestOptions): boolean {
  if (entry.status !== "success") return false;
  const event = entry.event;
  if (event === "unrecognised") return false;
  if (entry.context === "mailbox") {
    if (event === "login" || event === "forward_added_partial_ip" || event === "forward_removed") {
      return true;
    }
    if (event === "forward_added_partial_recipient" && entry.forward_type === "email") return true;
  }
  return options?.extraEvents?.includes(event) ?? false;
}
