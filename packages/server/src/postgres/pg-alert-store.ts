import type { AlertDraft } from "@spoor/correlation";
import { SEVERITIES } from "../store/alert.js";
import { type AlertRow, toAlertJson, toAlertRecord } from "../store/alert-rows.js";
import type { AlertStore } from "../store/alert-store.js";
import type { Async } from "../store/server-store.js";
import type { Prefetch } from "./pg-prefetch.js";
import { changesOf, conditions, type Queryable, rowsOf } from "./queryable.js";

/** The alert columns with their event ids, in PostgreSQL (`a` is the alerts alias). */
export const PG_ALERT_COLUMNS = `a.id, a.rule, a.severity, a.state, a.alert_key, a.hosts, a.mailbox_addresses,
  a.ips, a.forward_recipients, a.summary, a.first_event_time, a.last_event_time, a.anchor_first,
  a.anchor_last, a.incidents, a.created_at, a.updated_at,
  (SELECT string_agg(event_id::text, ',') FROM alert_events WHERE alert_id = a.id) AS event_ids`;
const COLUMNS = PG_ALERT_COLUMNS;

/**
 * A JSON-array column holds the value (`%`: the value as JSON text): `[` or `,` then the
 * quoted value can only start an element, because inside a JSON string a quote is escaped.
 */
const memberOf = (column: string) =>
  `(strpos(${column}, '[' || % || ',') > 0 OR strpos(${column}, ',' || % || ',') > 0
    OR strpos(${column}, '[' || % || ']') > 0 OR strpos(${column}, ',' || % || ']') > 0)`;

/** The column values of a draft ($1…$13): severity, lists, summary, times, incidents. */
function draftValues(draft: AlertDraft): unknown[] {
  return [
    draft.severity,
    JSON.stringify(draft.hosts),
    JSON.stringify(draft.mailbox_addresses),
    JSON.stringify(draft.ips),
    JSON.stringify(draft.forward_recipients),
    draft.summary,
    draft.first_event_time,
    draft.last_event_time,
    draft.anchor_first,
    draft.anchor_last,
    JSON.stringify(draft.incidents),
  ];
}

// A transaction's lookups read every alert of a (rule, key) once, up to this many (more: each
// lookup asks the database).
const KEY_ROWS = 200;

/**
 * The `alerts` and `alert_events` tables on PostgreSQL. With a transaction's read-ahead
 * (whose locks cover the keys it looks up), lookups are answered from the alerts read ahead
 * for the transaction's keys, or from every alert of a (rule, key) read once, until the
 * transaction writes an alert: a report's many findings cost a statement or none.
 */
export function createPgAlertStore(q: Queryable, prefetch?: Prefetch): Async<AlertStore> {
  const byKey = new Map<string, Promise<AlertRow[] | null>>();
  const keyRows = async (rule: string, key: string) => {
    const rows = await rowsOf<AlertRow>(
      q,
      `SELECT ${COLUMNS} FROM alerts a WHERE a.rule = $1 AND a.alert_key = $2 ORDER BY a.id LIMIT $3`,
      [rule, key, KEY_ROWS + 1],
    );
    return rows.length > KEY_ROWS ? null : rows;
  };
  const link = async (id: number, eventIds: readonly number[]) => {
    await changesOf(q, "DELETE FROM alert_events WHERE alert_id = $1", [id]);
    if (eventIds.length === 0) return;
    await changesOf(
      q,
      "INSERT INTO alert_events (alert_id, event_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
      [id, [...eventIds]],
    );
  };
  const write = async (id: number, draft: AlertDraft, now: number) => {
    await changesOf(
      q,
      `UPDATE alerts SET severity = $1, hosts = $2, mailbox_addresses = $3, ips = $4,
         forward_recipients = $5, summary = $6, first_event_time = $7, last_event_time = $8,
         anchor_first = $9, anchor_last = $10, incidents = $11, updated_at = $12 WHERE id = $13`,
      [...draftValues(draft), now, id],
    );
    await link(id, draft.event_ids);
  };
  const remove = async (id: number) => {
    await changesOf(q, "DELETE FROM alert_events WHERE alert_id = $1", [id]);
    await changesOf(q, "DELETE FROM alerts WHERE id = $1", [id]);
  };
  const byId = async (id: number) => {
    const [row] = await rowsOf<AlertRow>(q, `SELECT ${COLUMNS} FROM alerts a WHERE a.id = $1`, [
      id,
    ]);
    return row === undefined ? undefined : toAlertJson(row);
  };
  return {
    async lookup(l) {
      const ahead = prefetch?.current()?.alerts;
      const read = ahead === undefined ? undefined : await ahead;
      if (read?.keys.has(l.key) && prefetch?.current()?.alerts === ahead) {
        return read.rows
          .filter(
            (row) =>
              row.rule === l.rule &&
              row.alert_key === l.key &&
              row.anchor_first <= l.to &&
              row.anchor_last >= l.from,
          )
          .map(toAlertRecord);
      }
      if (prefetch !== undefined) {
        const pair = `${l.rule}\n${l.key}`;
        let loading = byKey.get(pair);
        if (loading === undefined) {
          loading = keyRows(l.rule, l.key);
          byKey.set(pair, loading);
        }
        const all = await loading;
        if (all !== null) {
          return all
            .filter((row) => row.anchor_first <= l.to && row.anchor_last >= l.from)
            .map(toAlertRecord);
        }
      }
      const rows = await rowsOf<AlertRow>(
        q,
        `SELECT ${COLUMNS} FROM alerts a WHERE a.rule = $1 AND a.alert_key = $2
           AND a.anchor_first <= $3 AND a.anchor_last >= $4 ORDER BY a.id`,
        [l.rule, l.key, l.to, l.from],
      );
      return rows.map(toAlertRecord);
    },
    async apply(change, now) {
      byKey.clear();
      prefetch?.dropAlerts();
      switch (change.kind) {
        case "open": {
          const [row] = await rowsOf<{ id: number }>(
            q,
            `INSERT INTO alerts (severity, hosts, mailbox_addresses, ips, forward_recipients, summary,
               first_event_time, last_event_time, anchor_first, anchor_last, incidents, created_at,
               updated_at, rule, alert_key, state)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, 'open') RETURNING id`,
            [...draftValues(change.alert), now, change.alert.rule, change.alert.key],
          );
          await link(row!.id, change.alert.event_ids);
          return row!.id;
        }
        case "update":
          await write(change.id, change.alert, now);
          return change.id;
        case "merge":
          for (const id of change.from) await remove(id);
          await write(change.into, change.alert, now);
          return change.into;
        case "withdraw":
          await remove(change.id);
          return null;
      }
    },
    byId,
    async list(filter) {
      const where = conditions();
      if (filter.host !== undefined) where.add(memberOf("a.hosts"), JSON.stringify(filter.host));
      if (filter.mailboxAddress !== undefined) {
        where.add(memberOf("a.mailbox_addresses"), JSON.stringify(filter.mailboxAddress));
      }
      if (filter.minSeverity !== undefined) {
        where.add("a.severity = ANY(%)", SEVERITIES.slice(SEVERITIES.indexOf(filter.minSeverity)));
      }
      if (filter.state !== undefined) where.add("a.state = %", filter.state);
      if (filter.beforeId !== undefined) where.add("a.id < %", filter.beforeId);
      const rows = await rowsOf<AlertRow>(
        q,
        `SELECT ${COLUMNS} FROM alerts a${where.where()} ORDER BY a.id DESC LIMIT ${where.parameter(filter.limit)}`,
        where.values,
      );
      return rows.map(toAlertJson);
    },
    async setState(id, state, now) {
      byKey.clear();
      prefetch?.dropAlerts();
      const changed = await changesOf(
        q,
        "UPDATE alerts SET state = $1, updated_at = $2 WHERE id = $3",
        [state, now, id],
      );
      return changed === 0 ? undefined : byId(id);
    },
    async records() {
      const rows = await rowsOf<AlertRow>(q, `SELECT ${COLUMNS} FROM alerts a ORDER BY a.id`);
      return rows.map(toAlertRecord);
    },
    async severitiesOf(eventId) {
      const rows = await rowsOf<{ severity: (typeof SEVERITIES)[number] }>(
        q,
        "SELECT a.severity FROM alert_events l JOIN alerts a ON a.id = l.alert_id WHERE l.event_id = $1",
        [eventId],
      );
      return rows.map((row) => row.severity);
    },
  };
}
