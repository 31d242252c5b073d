import { normalizeAddress } from "./address.js";

/** The alert key of a mailbox: `["host","mailbox"]` as JSON text. Never throws. */
export function mailboxKey(host: string, mailbox: string): string {
  return JSON.stringify([host, mailbox]);
}

/** The alert key of a forward recipient (normalised). Never throws. */
export function recipientAlertKey(recipient: string): string {
  return JSON.stringify([normalizeAddress(recipient) ?? recipient]);
}

/** The alert key of an IP. Never throws. */
export function ipKey(ip: string): string {
  return JSON.stringify([ip]);
}

/** The alert key of a host (agent-silent). Never throws. */
export function hostKey(host: string): string {
  return JSON.stringify([host]);
}

/** The group a mailbox event belongs to in cross-mailbox counts. Never throws. */
export function mailboxGroup(host: string, mailbox: string | null): string {
  return JSON.stringify([host, mailbox]);
}
