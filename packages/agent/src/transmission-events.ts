/** The four event kinds the original transmitted; always enabled. */
export const ORIGINAL_EVENTS: readonly string[] = [
  "login",
  "forward_added_partial_ip",
  "forward_added_partial_recipient",
  "forward_removed",
];

/** Whether entries of kind `event` are sent: the original four plus the opted-in ones. */
export function isTransmissionEnabled(event: string, optIn: readonly string[]): boolean {
  return ORIGINAL_EVENTS.includes(event) || optIn.includes(event);
}

/** The reason written beside an entry whose kind is not enabled. */
export function disabledEventReason(event: string): string {
  return `event kind "${event}" is not enabled for transmission (add it to transmission.events, then: spoor spool retry)`;
}
