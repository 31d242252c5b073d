import type pg from "pg";
import { pipelined } from "./pg-pipeline.js";
import { escapeValue } from "./pg-text.js";
import type { Queryable } from "./queryable.js";

/** The columns of a buffered `mailbox_events` row after its id, in order. */
export const EVENT_INSERT_COLUMNS = [
  "event_time",
  "host",
  "type",
  "mailbox_address",
  "ip_address",
  "network",
  "asn",
  "as_name",
  "country",
  "forward_recipient",
  "mailbox_domain",
  "recipient_key",
  "recipient_domain",
] as const;
const EVENT_TYPES = [
  "bigint",
  ...Array<string>(5).fill("text"),
  "bigint",
  ...Array<string>(6).fill("text"),
];

/** The columns of a buffered `reports` row after its id, in order. */
export const REPORT_INSERT_COLUMNS = [
  "submission_id",
  "event_id",
  "event_time",
  "host",
  "type",
  "mailbox_address",
  "forward_recipient",
  "content_sha256",
  "entry",
] as const;
const REPORT_TYPES = ["bigint", "bigint", "bigint", ...Array<string>(6).fill("text")];

/** `INSERT … SELECT * FROM unnest($k::type[], …)` of a table's id and columns. */
function insertSql(table: string, columns: readonly string[], types: readonly string[], first = 1) {
  const arrays = ["bigint", ...types].map((type, i) => `$${first + i}::${type}[]`);
  return `INSERT INTO ${table} (id, ${columns.join(", ")}) SELECT * FROM unnest(${arrays.join(", ")})`;
}
const INSERT_EVENTS = insertSql("mailbox_events", EVENT_INSERT_COLUMNS, EVENT_TYPES);
const INSERT_REPORTS = insertSql("reports", REPORT_INSERT_COLUMNS, REPORT_TYPES);
// Both in one statement: the events first (a CTE), so the reports' foreign keys, checked at
// the end of the statement, find them.
const INSERT_BOTH = `WITH events AS (${INSERT_EVENTS}) ${insertSql(
  "reports",
  REPORT_INSERT_COLUMNS,
  REPORT_TYPES,
  EVENT_INSERT_COLUMNS.length + 2,
)}`;
const ALLOCATE = `SELECT nextval('mailbox_events_id_seq'::regclass) AS event,
  nextval('reports_id_seq'::regclass) AS report FROM generate_series(1, $1)`;
// Ids are taken from the sequences in blocks that double per transaction (a report of 2
// entries takes 4 of each, one of 48 takes 4 + 8 + 16 + 32): the unused ones are gaps, as a
// rolled-back insert leaves them.
const FIRST_BLOCK = 4;
const LARGEST_BLOCK = 256;

/**
 * The `mailbox_events` and `reports` rows of one transaction, written in one multi-row
 * statement just before the next statement of the transaction runs (and before COMMIT), so
 * every read of the transaction sees them as if each had been inserted at once. Their ids
 * come from the tables' sequences, taken ahead in blocks.
 */
export interface WriteBuffer {
  /** `client`, writing the buffered rows first on every query. */
  readonly q: Queryable;
  /** Buffers an event row (values in {@link EVENT_INSERT_COLUMNS} order). @returns its id */
  addEvent(values: unknown[]): Promise<number>;
  /**
   * Notes an event's new values, rewriting it when buffered. @returns false when `id` is not
   * buffered (the caller updates the table)
   */
  replaceEvent(id: number, values: unknown[]): boolean;
  /** Forgets a buffered event. @returns false when `id` is not buffered */
  dropEvent(id: number): boolean;
  /** Buffers a report row (values in {@link REPORT_INSERT_COLUMNS} order). @returns its id */
  addReport(values: unknown[]): Promise<number>;
  /** Starts taking ids ahead (rows will follow), without waiting. Never throws. */
  reserve(): void;
  /** Writes what is buffered. @throws `pg`'s errors */
  flush(): Promise<void>;
  /** The widest distance (seconds) between the times of the events added so far, 0 without two. */
  span(): number;
  /** The values of every event the transaction added or rewrote, as they stand now. */
  added(): Iterable<unknown[]>;
}

/**
 * Starts an empty buffer over one transaction's client (`send`: its pipelined query;
 * `started`: the transaction's BEGIN and locks, which every query's answer waits for, so
 * their failure is what a query throws). Never throws.
 */
export function createWriteBuffer(
  client: pg.PoolClient,
  send = pipelined(client),
  started: Promise<unknown> = Promise.resolve(),
): WriteBuffer {
  // A statement sent now whose answer is given once the transaction has started.
  const answered = (config: pg.QueryConfig) => {
    const result = send(config);
    result.catch(() => undefined);
    return started.then(() => result);
  };
  let events = new Map<number, unknown[]>();
  const all = new Map<number, unknown[]>();
  let reports = new Map<number, unknown[]>();
  const free = { event: [] as number[], report: [] as number[] };
  let block = FIRST_BLOCK;
  let allocating: Promise<void> | undefined;
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  const note = (values: unknown[]) => {
    const time = values[0];
    if (typeof time !== "number") return;
    earliest = Math.min(earliest, time);
    latest = Math.max(latest, time);
  };
  const takeIds = () => {
    allocating ??= answered({ name: "spoor_allocate_ids", text: ALLOCATE, values: [block] })
      .then(({ rows }) => {
        for (const row of rows as { event: number; report: number }[]) {
          free.event.push(row.event);
          free.report.push(row.report);
        }
        block = Math.min(block * 2, LARGEST_BLOCK);
      })
      .finally(() => {
        allocating = undefined;
      });
    return allocating;
  };
  const allocate = async (kind: "event" | "report") => {
    const ids = free[kind];
    while (ids.length === 0) await takeIds();
    return ids.shift()!;
  };
  /** The pending write as one statement (or none), the buffers emptied. */
  const take = (): pg.QueryConfig | undefined => {
    if (events.size === 0 && reports.size === 0) return undefined;
    const columns = (rows: Map<number, unknown[]>, width: number) => {
      const arrays: unknown[][] = Array.from({ length: width + 1 }, () => []);
      for (const [id, values] of rows) {
        arrays[0]!.push(id);
        for (let i = 0; i < width; i += 1) arrays[i + 1]!.push(escapeValue(values[i] ?? null));
      }
      return arrays;
    };
    const eventArrays = events.size > 0 ? columns(events, EVENT_INSERT_COLUMNS.length) : [];
    const reportArrays = reports.size > 0 ? columns(reports, REPORT_INSERT_COLUMNS.length) : [];
    const [name, text] =
      eventArrays.length === 0
        ? ["spoor_insert_reports", INSERT_REPORTS]
        : reportArrays.length === 0
          ? ["spoor_insert_events", INSERT_EVENTS]
          : ["spoor_insert_both", INSERT_BOTH];
    events = new Map();
    reports = new Map();
    return { name, text, values: [...eventArrays, ...reportArrays] };
  };
  const flush = async () => {
    const pending = take();
    if (pending !== undefined) await answered(pending);
  };
  const q: Queryable = {
    query: (async (config: pg.QueryConfig) => {
      const pending = take();
      if (pending === undefined) return answered(config);
      // Sent back to back: one write, one round trip.
      const writing = answered(pending);
      const result = answered(config);
      result.catch(() => undefined);
      await writing;
      return result;
    }) as Queryable["query"],
  };
  return {
    q,
    async addEvent(values) {
      const id = await allocate("event");
      events.set(id, values);
      all.set(id, values);
      note(values);
      return id;
    },
    replaceEvent(id, values) {
      all.set(id, values);
      note(values);
      if (!events.has(id)) return false;
      events.set(id, values);
      return true;
    },
    dropEvent(id) {
      all.delete(id);
      return events.delete(id);
    },
    async addReport(values) {
      const id = await allocate("report");
      reports.set(id, values);
      return id;
    },
    reserve() {
      if (free.event.length === 0) takeIds().catch(() => undefined);
    },
    flush,
    span: () => (latest > earliest ? latest - earliest : 0),
    added: () => all.values(),
  };
}
