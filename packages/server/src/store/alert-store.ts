import type { AlertChange, AlertDraft, AlertLookup, AlertRecord } from "@spoor/correlation";
import type Database from "better-sqlite3";
import type { AlertJson, AlertState, Severity } from "./alert.js";
import { SEVERITIES } from "./alert.js";
import { alertKeysOf } from "./alert-keys.js";
import {
  ALERT_COLUMNS,
  type AlertRow,
  draftColumns,
  toAlertJson,
  toAlertRecord,
} from "./alert-rows.js";
import { conditionsMarkedBy } from "./conditions.js";
import { statementCache } from "./statement-cache.js";

/** Filters of `GET /api/alerts`. */
export interface AlertFilter {
  host?: string;
  mailboxAddress?: string;
  minSeverity?: Severity;
  state?: AlertState;
  beforeId?: number;
  limit: number;
}

/** The `alerts` and `alert_events` tables. */
export interface AlertStore {
  /** Every alert (any state) of a lookup: its rule and key, anchors overlapping [from, to]. */
  lookup(lookup: AlertLookup): AlertRecord[];
  /** Applies one change of `reconcile`. @returns the id of the alert written, or null (withdrawn). */
  apply(change: AlertChange, now: number): number | null;
  byId(id: number): AlertJson | undefined;
  list(filter: AlertFilter): AlertJson[];
  setState(id: number, state: AlertState, now: number): AlertJson | undefined;
  /** Every alert as reconciliation sees it, oldest first (the scenario suite compares them). */
  records(): AlertRecord[];
  /** Severities of the alerts an event is evidence of. */
  severitiesOf(eventId: number): Severity[];
}

/** Opens the alert store over the server's database. Never throws once prepared. */
export function createAlertStore(db: Database.Database): AlertStore {
  const insert = db.prepare(
    `INSERT INTO alerts (rule, severity, state, alert_key, hosts, mailbox_addresses, ips, forward_recipients,
       summary, first_event_time, last_event_time, anchor_first, anchor_last, incidents, created_at, updated_at)
     VALUES (@rule, @severity, 'open', @key, @hosts, @mailbox_addresses, @ips, @forward_recipients,
       @summary, @first_event_time, @last_event_time, @anchor_first, @anchor_last, @incidents, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE alerts SET severity = @severity, hosts = @hosts, mailbox_addresses = @mailbox_addresses,
       ips = @ips, forward_recipients = @forward_recipients, summary = @summary,
       first_event_time = @first_event_time, last_event_time = @last_event_time,
       anchor_first = @anchor_first, anchor_last = @anchor_last, incidents = @incidents, updated_at = @now
     WHERE id = @id`,
  );
  const link = db.prepare("INSERT OR IGNORE INTO alert_events (alert_id, event_id) VALUES (?, ?)");
  const unlink = db.prepare("DELETE FROM alert_events WHERE alert_id = ?");
  const remove = db.prepare("DELETE FROM alerts WHERE id = ?");
  const lookup = db.prepare<[string, string, number, number], AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a
     WHERE a.rule = ? AND a.alert_key = ? AND a.anchor_first <= ? AND a.anchor_last >= ? ORDER BY a.id`,
  );
  const byId = db.prepare<[number], AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = ?`,
  );
  const all = db.prepare<[], AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts a ORDER BY a.id`);
  const setState = db.prepare("UPDATE alerts SET state = ?, updated_at = ? WHERE id = ?");
  const severities = db.prepare<[number], { severity: Severity }>(
    "SELECT a.severity FROM alert_events l JOIN alerts a ON a.id = l.alert_id WHERE l.event_id = ?",
  );
  const write = (id: number, draft: AlertDraft, now: number) => {
    const { rule: _rule, key: _key, ...values } = draftColumns(draft, now);
    update.run({ ...values, id });
    unlink.run(id);
    for (const eventId of draft.event_ids) link.run(id, eventId);
  };
  const prepared = statementCache(db);
  const keys = alertKeysOf(db);
  return {
    lookup: (l) =>
      keys.mayHave(l.rule, l.key) ? lookup.all(l.rule, l.key, l.to, l.from).map(toAlertRecord) : [],
    apply(change, now) {
      switch (change.kind) {
        case "open": {
          keys.add(change.alert.rule, change.alert.key);
          const id = Number(insert.run(draftColumns(change.alert, now)).lastInsertRowid);
          for (const eventId of change.alert.event_ids) link.run(id, eventId);
          return id;
        }
        case "update":
          write(change.id, change.alert, now);
          return change.id;
        case "merge":
          for (const id of change.from) {
            unlink.run(id);
            remove.run(id);
          }
          write(change.into, change.alert, now);
          return change.into;
        case "withdraw":
          unlink.run(change.id);
          remove.run(change.id);
          return null;
      }
    },
    byId(id) {
      const row = byId.get(id);
      return row === undefined ? undefined : toAlertJson(row);
    },
    list(filter) {
      const where = conditionsMarkedBy(() => "?");
      if (filter.host !== undefined) {
        where.add("EXISTS (SELECT 1 FROM json_each(a.hosts) WHERE value = %)", filter.host);
      }
      if (filter.mailboxAddress !== undefined) {
        where.add(
          "EXISTS (SELECT 1 FROM json_each(a.mailbox_addresses) WHERE value = %)",
          filter.mailboxAddress,
        );
      }
      if (filter.minSeverity !== undefined) {
        const allowed = SEVERITIES.slice(SEVERITIES.indexOf(filter.minSeverity));
        where.add(
          `a.severity IN (${allowed.map((severity) => where.parameter(severity)).join(", ")})`,
        );
      }
      if (filter.state !== undefined) where.add("a.state = %", filter.state);
      if (filter.beforeId !== undefined) where.add("a.id < %", filter.beforeId);
      const sql = `SELECT ${ALERT_COLUMNS} FROM alerts a${where.where()} ORDER BY a.id DESC LIMIT ${where.parameter(filter.limit)}`;
      return (prepared(sql).all(...where.values) as AlertRow[]).map(toAlertJson);
    },
    setState(id, state, now) {
      if (setState.run(state, now, id).changes === 0) return undefined;
      return toAlertJson(byId.get(id)!);
    },
    records: () => all.all().map(toAlertRecord),
    severitiesOf: (eventId) => severities.all(eventId).map((row) => row.severity),
  };
}
