import { stableId } from "@spoor/spool";

/**
 * The id of the entry one hook run records: `stableId("hook", event, payload bytes, nonce)`.
 * cPanel runs the hook once per call and never re-runs it, so the id only has to tell runs
 * apart; the random nonce (16 bytes per run) keeps two identical calls (the same forwarder
 * added twice) from sharing an id, which the spool would treat as one entry. Never throws.
 */
export function hookEntryId(event: string, payload: Uint8Array, nonce: Uint8Array): string {
  return stableId("hook", event, payload, nonce);
}
