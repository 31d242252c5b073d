import { RULE_IDS } from "@spoor/correlation";
import type { AlertRow } from "../store/alert-rows.js";
import { PG_ALERT_COLUMNS } from "./pg-alert-store.js";
import {
  type Filter,
  type FirstTwo,
  loadFirstTwo,
  loadWindows,
  type Window,
  type WindowRequest,
} from "./pg-history-windows.js";
import type { WriteBuffer } from "./pg-write-buffer.js";
import { type Queryable, rowsOf } from "./queryable.js";

const DAY = 86_400;
// How far around its events a transaction reads each scope ahead. A guess at what the
// default rules ask (a mailbox: 30 days either side; an IP: an hour; the forwarders to a
// mailbox's domain on its host: 90 days): a query outside is read when it is asked.
const AHEAD: ReadonlyArray<[readonly Filter[], (values: unknown[]) => (string | null)[], number]> =
  [
    [["host", "mailbox"], (v) => [v[1] as string, v[3] as string | null], 31 * DAY],
    [["ip"], (v) => [v[4] as string | null], DAY],
    [["host", "recipientDomain"], (v) => [v[1] as string, v[10] as string | null], 91 * DAY],
  ];
/** Alerts read ahead at most (more: each (rule, key) is read when looked up). */
const ALERT_ROWS = 1000;

/** What a transaction read ahead for the correlation of its events. */
export interface Prefetched {
  /** History windows by scope key. */
  windows: Promise<Map<string, Window>>;
  /** The first two events of each mailbox, by mailbox scope. */
  firsts: Promise<Map<string, FirstTwo>>;
  /** The alerts of the events' keys (any rule), null when there were too many. */
  alerts: Promise<{ keys: ReadonlySet<string>; rows: AlertRow[] } | null>;
}

/**
 * The read-ahead of one transaction: when its correlation starts, the history of its events'
 * mailboxes, IPs and domains and the alerts of their keys, each kind in one statement, all
 * sent together (one round trip with the buffered rows). Correctness never depends on it:
 * a query outside what was read is asked when it comes.
 */
export interface Prefetch {
  /** Reads ahead for the events added so far. Never throws (the promises reject). */
  start(): Prefetched;
  /** The latest read-ahead, undefined before the first or once alerts were written. */
  current(): Prefetched | undefined;
  /** Forgets the read-ahead alerts (an alert was written). */
  dropAlerts(): void;
}

// The alert keys of correlation (`mailboxKey`, `ipKey`, `recipientAlertKey`): a key spelt
// otherwise only misses the read-ahead.
const mailboxKey = (host: string, mailbox: string) => JSON.stringify([host, mailbox]);
const oneKey = (value: string) => JSON.stringify([value]);

/** Starts the read-ahead of a transaction over its buffer. Never throws. */
export function createPrefetch(q: Queryable, buffer: WriteBuffer): Prefetch {
  let latest: Prefetched | undefined;
  let alertsValid = false;
  return {
    start() {
      const windowReads: Promise<Map<string, Window>>[] = [];
      for (const [filters, valuesOf, ahead] of AHEAD) {
        const spans = new Map<string, { values: string[]; from: number; to: number }>();
        for (const event of buffer.added()) {
          const time = event[0];
          const values = valuesOf(event);
          if (typeof time !== "number" || values.some((value) => value === null)) continue;
          const key = JSON.stringify(values);
          const span = spans.get(key);
          if (span === undefined)
            spans.set(key, { values: values as string[], from: time, to: time });
          else {
            span.from = Math.min(span.from, time);
            span.to = Math.max(span.to, time);
          }
        }
        const requests: WindowRequest[] = [...spans.values()].map((span) => ({
          filters,
          values: span.values,
          from: span.from - ahead,
          to: span.to + ahead,
        }));
        windowReads.push(loadWindows(q, filters, requests));
      }
      const windows = Promise.all(windowReads).then((maps) => new Map(maps.flatMap((m) => [...m])));
      const mailboxes = new Map<string, [string, string]>();
      const keys = new Set<string>();
      for (const event of buffer.added()) {
        const host = event[1] as string;
        const [mailbox, ip, recipient] = [event[3], event[4], event[9]] as (string | null)[];
        if (mailbox !== null && mailbox !== undefined) {
          mailboxes.set(mailboxKey(host, mailbox), [host, mailbox]);
          keys.add(mailboxKey(host, mailbox));
        }
        if (ip !== null && ip !== undefined) keys.add(oneKey(ip));
        if (recipient !== null && recipient !== undefined)
          keys.add(oneKey((event[11] as string | null) ?? recipient));
      }
      const firsts = loadFirstTwo(q, [...mailboxes.values()]);
      const alerts = rowsOf<AlertRow>(
        q,
        `SELECT ${PG_ALERT_COLUMNS} FROM alerts a WHERE (a.rule, a.alert_key) IN
           (SELECT r, k FROM unnest($1::text[]) AS r, unnest($2::text[]) AS k)
         ORDER BY a.id LIMIT $3`,
        [[...RULE_IDS], [...keys], ALERT_ROWS + 1],
      ).then((rows) => (rows.length > ALERT_ROWS ? null : { keys, rows }));
      // Rejections reach whoever awaits them; none of them may go unhandled meanwhile.
      for (const read of [windows, firsts, alerts]) read.catch(() => undefined);
      latest = { windows, firsts, alerts };
      alertsValid = true;
      return latest;
    },
    current: () => (alertsValid ? latest : undefined),
    dropAlerts() {
      alertsValid = false;
    },
  };
}
