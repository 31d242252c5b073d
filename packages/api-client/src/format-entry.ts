import { HOOK_EVENTS } from "@spoor/parsers/events";

/**
 * What `formatEntry` reads: a parsed or spooled entry (`ParsedEntry` of `@spoor/parsers`,
 * `SpoolEntry` of `@spoor/spool`, or a file written by the Perl original).
 */
export interface FormattableEntry {
  readonly event?: unknown;
  readonly [field: string]: unknown;
}

/** One entry as the Spoor API receives it (original.md §3.6). Absent sources are left out. */
export interface FormattedEntry {
  /** The event name. */
  type: string;
  /** The entry's `log_time` (Unix seconds). */
  time?: number;
  ip?: string;
  mailbox_address?: string;
  forward_recipient?: string;
  context?: string;
  /** Hook kinds: the domain a domain forwarder or default address is about. */
  domain?: string;
  /** Hook kinds: the name of a stored or deleted filter. */
  filter_name?: string;
  /** The reporting machine's hostname. */
  host: string;
}

type Target =
  | "time"
  | "ip"
  | "mailbox_address"
  | "forward_recipient"
  | "context"
  | "domain"
  | "filter_name";
/** A wire key and the entry fields it is taken from, first present wins. */
type Layout = ReadonlyArray<readonly [Target, ...string[]]>;

const WITH_IP: Layout = [
  ["time", "log_time"],
  ["ip", "ip"],
  ["mailbox_address", "credential"],
  ["context", "context"],
];

/** The hook adapter's own kinds: no client IP reaches a hook (cpanel.md §3.1). */
const HOOK: Layout = [
  ["time", "log_time"],
  ["mailbox_address", "email", "credential"],
  ["forward_recipient", "forward_to", "forward_recipient"],
  ["domain", "domain"],
  ["filter_name", "filter_name"],
  ["context", "context"],
];

/** The hook's own kinds: every hook event but the original's forward addition. */
const HOOK_KINDS = HOOK_EVENTS.filter((event) => event !== "forward_added_partial_recipient");

const LAYOUTS: ReadonlyMap<string, Layout> = new Map<string, Layout>([
  ["login", WITH_IP],
  ["forward_added_partial_ip", WITH_IP],
  [
    "forward_added_partial_recipient",
    [
      ["time", "log_time"],
      ["mailbox_address", "email"],
      ["forward_recipient", "forward_to"],
      ["context", "context"],
    ],
  ],
  [
    "forward_removed",
    [
      ["time", "log_time"],
      ["mailbox_address", "credential"],
      ["forward_recipient", "forward_recipient"],
      ["ip", "ip"],
      ["context", "context"],
    ],
  ],
  ...HOOK_KINDS.map((event): [string, Layout] => [event, HOOK]),
]);

function pick(entry: FormattableEntry, target: Target, sources: readonly string[]): unknown {
  for (const source of sources) {
    const value = entry[source];
    const usable =
      target === "time"
        ? typeof value === "number" && Number.isFinite(value)
        : typeof value === "string";
    if (usable) return value;
  }
  return undefined;
}

/**
 * Maps an entry to the wire format of the report POST (original.md §3.6): `type` is the event
 * name, `time` the `log_time`, `host` the given hostname; `login` and
 * `forward_added_partial_ip` send `ip` and `mailbox_address` (= credential);
 * `forward_added_partial_recipient` sends `mailbox_address` (= email) and `forward_recipient`
 * (= forward_to), no ip; `forward_removed` sends `mailbox_address` (= credential),
 * `forward_recipient` and `ip`. The hook's own kinds (design.md "Hook event names") send
 * `mailbox_address` (= email, else credential), `forward_recipient` (= forward_to, else
 * forward_recipient), `domain` and `filter_name`, no ip. `context` passes through. Every other field is dropped, and so
 * is a field whose value has the wrong type (a number `time`, strings otherwise).
 *
 * @returns `undefined` for `unrecognised` and any event without a wire format. Never throws.
 */
export function formatEntry(entry: FormattableEntry, host: string): FormattedEntry | undefined {
  if (typeof entry.event !== "string") return undefined;
  const layout = LAYOUTS.get(entry.event);
  if (layout === undefined) return undefined;
  const formatted: Record<string, unknown> = { type: entry.event };
  for (const [target, ...sources] of layout) {
    const value = pick(entry, target, sources);
    if (value !== undefined) formatted[target] = value;
  }
  formatted.host = host;
  return formatted as unknown as FormattedEntry;
}
