import type Database from "better-sqlite3";

/** The (rule, key) pairs that have an alert, as one connection knows them. */
export interface AlertKeys {
  /** False when no alert of that rule has that key (then a lookup would find nothing). */
  mayHave(rule: string, key: string): boolean;
  /** Notes an alert written through this connection. */
  add(rule: string, key: string): void;
}

const shared = new WeakMap<Database.Database, AlertKeys>();
// Rule ids are a fixed set of names without a newline: the pair's text is unambiguous.
const pair = (rule: string, key: string) => `${rule}\n${key}`;

/**
 * The alert keys of a connection (one set per connection, shared by every alert store on
 * it), read from `alerts` once and again whenever another connection has committed
 * (`PRAGMA data_version`). Writes of this connection are added as they are made; a key
 * whose alert was withdrawn, pruned or rolled back stays (the set may hold too many keys,
 * never too few). Most correlation lookups (a mailbox, an address with no alert) then cost
 * no query. Never throws once prepared.
 */
export function alertKeysOf(db: Database.Database): AlertKeys {
  let keys = shared.get(db);
  if (keys !== undefined) return keys;
  const all = db
    .prepare<[], [string, string]>("SELECT DISTINCT rule, alert_key FROM alerts")
    .raw(true);
  const dataVersion = db.prepare<[], number>("PRAGMA data_version").pluck();
  let known = new Set<string>();
  let version: number | undefined;
  const current = () => {
    const now = dataVersion.get()!;
    if (now !== version) {
      known = new Set(all.all().map(([rule, key]) => pair(rule, key)));
      version = now;
    }
    return known;
  };
  keys = {
    mayHave: (rule, key) => current().has(pair(rule, key)),
    add: (rule, key) => {
      current().add(pair(rule, key));
    },
  };
  shared.set(db, keys);
  return keys;
}
