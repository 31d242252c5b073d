import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createSqliteOutbox, OUTBOX_SCHEMA_VERSION, OutboxSchemaError } from "../src/index.js";
import { makeAlert } from "./alert-fixture.js";

const channels = [{ name: "hook", min_severity: "medium" as const }];
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

describe("createSqliteOutbox", () => {
  it("enqueues inside the caller's transaction: a rollback takes the row with it", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE alerts (id INTEGER PRIMARY KEY)");
    const outbox = createSqliteOutbox(db, { channels });
    const raise = db.transaction((id: number, fail: boolean) => {
      db.prepare("INSERT INTO alerts (id) VALUES (?)").run(id);
      outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
      if (fail) throw new Error("the store failed after enqueue");
    });
    expect(() => raise(1, true)).toThrow("the store failed after enqueue");
    raise(2, false);
    const rows = db.prepare("SELECT alert_id FROM notify_outbox").all();
    expect(rows).toEqual([{ alert_id: 2 }]);
    expect(db.prepare("SELECT id FROM alerts").all()).toEqual([{ id: 2 }]);
  });

  it("keeps its rows and schema version across reopening the file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "notify-sqlite-"));
    directories.push(directory);
    const path = join(directory, "spoor.sqlite");
    const first = new Database(path);
    createSqliteOutbox(first, { channels }).enqueue({ alert: makeAlert(), reason: "opened" });
    first.close();
    const second = new Database(path);
    const outbox = createSqliteOutbox(second, { channels });
    expect((await outbox.list()).map((row) => [row.alert_id, row.state])).toEqual([
      [17, "pending"],
    ]);
    expect(second.prepare("SELECT version FROM notify_schema").all()).toEqual([
      { version: OUTBOX_SCHEMA_VERSION },
    ]);
    second.close();
  });

  it("refuses a database whose outbox schema is newer than this code", () => {
    const db = new Database(":memory:");
    createSqliteOutbox(db, { channels });
    db.prepare("UPDATE notify_schema SET version = ?").run(OUTBOX_SCHEMA_VERSION + 1);
    expect(() => createSqliteOutbox(db, { channels })).toThrow(OutboxSchemaError);
    expect(() => createSqliteOutbox(db, { channels })).toThrow(
      `schema version ${OUTBOX_SCHEMA_VERSION + 1}; this spoor understands up to ${OUTBOX_SCHEMA_VERSION}`,
    );
  });
});
