import type { LogType } from "@spoor/config";
import {
  corpusLines as corpusLinesOf,
  forwarderAddLine,
  forwarderRemoveLine,
  webmailLoginLine,
} from "@spoor/test-support";

/** One mailbox event written into a log: its line and the address that identifies it. */
export interface MailboxEvent {
  type: LogType;
  /** The event the receiver records it as. */
  event:
    | "login"
    | "forward_added_partial_ip"
    | "forward_removed"
    | "forward_added_partial_recipient";
  address: string;
  line: string;
}

const pad = (n: number): string => String(n % 60).padStart(2, "0");

/** A webmail login as login_log records it (SUCCESS LOGIN webmaild). */
export function webmailLogin(address: string, n: number): MailboxEvent {
  return { type: "login", event: "login", address, line: webmailLoginLine(n, address) };
}

/** A webmail user adding a forwarder through Jupiter (access_log POST doaddfwd.html). */
export function forwarderAdd(address: string, n: number): MailboxEvent {
  const line = forwarderAddLine(n, address);
  return { type: "access", event: "forward_added_partial_ip", address, line };
}

/** A webmail user removing a forwarder (access_log GET dodelfwd.html?…emaildest=). */
export function forwarderRemove(address: string, n: number): MailboxEvent {
  return {
    type: "access",
    event: "forward_removed",
    address,
    line: forwarderRemoveLine(n, address),
  };
}

/** The error_log line the cPanel hook writes for a forwarder added to a mailbox. */
export function hookForwardAdded(address: string, n: number): MailboxEvent {
  const data = {
    args: { domain: "", fwdopt: "fwd" },
    result: [{ forward: `dest${n}@elsewhere.example`, email: address }],
  };
  return {
    type: "error",
    event: "forward_added_partial_recipient",
    address,
    line: `[2024-08-16 18:10:${pad(n)} +0000] info [spoor_forward_added] ${JSON.stringify(data)}`,
  };
}

/**
 * `count` events with addresses `<prefix>-<n>@e2e.example`, cycling login → forwarder
 * added → forwarder removed, so every one is identifiable at the receiver.
 */
export function mailboxEvents(prefix: string, count: number, first = 0): MailboxEvent[] {
  const makers = [webmailLogin, forwarderAdd, forwarderRemove];
  return Array.from({ length: count }, (_, index) => {
    const n = first + index;
    return makers[n % makers.length]!(`${prefix}-${n}@e2e.example`, n);
  });
}

/** `count` access_log events (forwarders added and removed) with addresses as above. */
export function accessEvents(prefix: string, count: number, first = 0): MailboxEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const n = first + index;
    const make = n % 2 === 0 ? forwarderAdd : forwarderRemove;
    return make(`${prefix}-${n}@e2e.example`, n);
  });
}

const corpusCache = new Map<string, Buffer[]>();

/** The real v120 lines of a log (bytes without "\n"; a few are not UTF-8). */
export function corpusLines(type: LogType): Buffer[] {
  const cached = corpusCache.get(type);
  if (cached !== undefined) return cached;
  const lines = corpusLinesOf(`${type}_log`);
  corpusCache.set(type, lines);
  return lines;
}
