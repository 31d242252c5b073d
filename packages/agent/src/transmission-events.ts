import { findEvent } from "@spoor/parsers";

/**
 * Whether entries of kind `event` are sent: the original four (`spooledByDefault` in the
 * event catalogue of `@spoor/parsers`) plus the opted-in ones. Never throws.
 */
export function isTransmissionEnabled(event: string, optIn: readonly string[]): boolean {
  return findEvent(event)?.spooledByDefault === true || optIn.includes(event);
}

/** The reason written beside an entry whose kind is not enabled. */
export function disabledEventReason(event: string): string {
  return `event kind "${event}" is not enabled for transmission (add it to transmission.events, then: spoor spool retry)`;
}
