import { join } from "node:path";
import type { AlertDraft } from "@spoor/correlation";
import { tempDirEach } from "@spoor/test-support";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openServerDatabase } from "../src/database/open-server-database.js";
import { createAlertStore } from "../src/store/alert-store.js";

const temp = tempDirEach("spoor-alert-keys-", { beforeEach, afterEach });

const draft: AlertDraft = {
  rule: "ip-spray",
  key: "ip:203.0.113.9",
  severity: "high",
  summary: "203.0.113.9 logged in to 5 mailboxes within 60 minutes",
  hosts: ["web1"],
  mailbox_addresses: ["a@example.com"],
  ips: ["203.0.113.9"],
  forward_recipients: [],
  event_ids: [],
  first_event_time: 1_000,
  last_event_time: 1_000,
  anchor_first: 1_000,
  anchor_last: 1_000,
  incidents: [],
};
const lookup = { rule: "ip-spray", key: "ip:203.0.113.9", from: 0, to: 5_000 } as const;

it("finds an alert opened through another store on the same connection, and one another connection committed", () => {
  const path = `sqlite:${join(temp.path, "spoor.sqlite")}`;
  const db = openServerDatabase(path);
  const other = openServerDatabase(path);
  try {
    const mine = createAlertStore(db);
    expect(mine.lookup(lookup)).toEqual([]);
    const id = createAlertStore(db).apply({ kind: "open", alert: draft }, 2_000);
    expect(mine.lookup(lookup).map((alert) => alert.id)).toEqual([id]);

    const elsewhere = createAlertStore(other).apply(
      { kind: "open", alert: { ...draft, key: "ip:198.51.100.7" } },
      2_000,
    );
    const found = mine.lookup({ ...lookup, key: "ip:198.51.100.7" });
    expect(found.map((alert) => [alert.id, alert.key])).toEqual([[elsewhere, "ip:198.51.100.7"]]);
    expect(mine.lookup({ ...lookup, key: "ip:192.0.2.1" })).toEqual([]);
  } finally {
    other.close();
    db.close();
  }
});
