import { describe, expect, it } from "vitest";
import { correlate, reconcile, validateRulesConfig } from "../src/index.js";
import { createMemoryEngine, DAY, HOUR, T0 } from "../src/memory.js";
import { daily, login } from "../src/scenarios/scenario-events.js";
import { unlabel } from "./helpers.js";

const MAILBOX = "alice@example.com";
const HOME = { ip: "198.51.100.10" };
const home = (from: number, to: number) =>
  daily(from, to, 18 * HOUR, (d, t) => login(`home-${d}`, t, "web1", MAILBOX, HOME)).map(unlabel);
const from = (ip: string, day: number) =>
  unlabel(login(`x-${day}`, T0 + day * DAY + 3 * HOUR, "web1", MAILBOX, { ip }));

describe("reconciling findings into alerts", () => {
  it("opens a novel-login alert, then joins a further new network within 30 days to it", () => {
    const engine = createMemoryEngine();
    for (const event of home(0, 40)) engine.ingest(event);
    const first = engine.ingest(from("203.0.113.5", 20));
    expect(first.changes.map((c) => c.kind)).toEqual(["open"]);
    expect(first.notify).toHaveLength(1);
    const second = engine.ingest(from("192.0.2.5", 30));
    expect(second.changes.map((c) => c.kind)).toEqual(["update"]);
    expect(second.notify).toEqual([]);
    const [alert] = engine.alerts();
    expect(engine.alerts()).toHaveLength(1);
    expect(alert!.ips).toEqual(["192.0.2.5", "203.0.113.5"]);
    expect(alert!.summary).toBe(
      "alice@example.com on web1: login from 203.0.113.5 (network 203.0.113.0/24), a network this mailbox has not used in 30 days; 1 more new-network logins joined this alert",
    );
  });

  it("withdraws a novel-login alert when an older login from the same network arrives late", () => {
    const engine = createMemoryEngine();
    for (const event of home(0, 20)) engine.ingest(event);
    engine.ingest(from("203.0.113.5", 15));
    expect(engine.alerts().map((a) => a.rule)).toEqual(["novel-login"]);
    const late = engine.ingest(from("203.0.113.9", 3));
    expect(late.changes).toEqual([{ kind: "withdraw", id: 1 }]);
    expect(engine.alerts()).toEqual([]);
  });

  it("merges two alerts when a late event falls between them", () => {
    const engine = createMemoryEngine();
    for (const event of home(0, 60)) engine.ingest(event);
    engine.ingest(from("203.0.113.5", 10));
    engine.ingest(from("192.0.2.5", 50));
    expect(engine.alerts()).toHaveLength(2);
    const bridge = engine.ingest(from("198.18.0.5", 30));
    expect(bridge.changes).toMatchObject([{ kind: "merge", into: 1, from: [2] }]);
    expect(engine.alerts()).toHaveLength(1);
    expect(engine.alerts()[0]!.ips).toEqual(["192.0.2.5", "198.18.0.5", "203.0.113.5"]);
  });

  it("never changes a resolved alert; new evidence opens a new one", () => {
    const engine = createMemoryEngine();
    for (const event of home(0, 40)) engine.ingest(event);
    engine.ingest(from("203.0.113.5", 20));
    engine.alertTable.setState(1, "resolved");
    const again = engine.ingest(from("192.0.2.5", 25));
    expect(again.changes.map((c) => c.kind)).toEqual(["open"]);
    expect(engine.alerts().map((a) => [a.id, a.state, a.ips])).toEqual([
      [1, "resolved", ["203.0.113.5"]],
      [2, "open", ["192.0.2.5"]],
    ]);
  });

  it("changes nothing when an event already correlated is correlated again", () => {
    const rules = validateRulesConfig({});
    const engine = createMemoryEngine();
    for (const event of home(0, 40)) engine.ingest(event);
    const stored = engine.ingest(from("203.0.113.5", 20)).event!;
    const findings = correlate(stored, rules, engine.history);
    expect(findings.some((f) => f.incidents.length > 0)).toBe(true);
    expect(reconcile(findings, engine.alerts(), rules)).toEqual([]);
  });

  it("ignores a re-sent entry", () => {
    const engine = createMemoryEngine();
    const event = from("203.0.113.5", 1);
    expect(engine.ingest(event).accepted).toBe(true);
    expect(engine.ingest({ ...event })).toEqual({
      accepted: false,
      event: null,
      changes: [],
      notify: [],
    });
    expect(engine.events()).toHaveLength(1);
  });

  it("honours thresholds and enabled from the rules config", () => {
    const spray = (engine: ReturnType<typeof createMemoryEngine>) => {
      for (let i = 0; i < 6; i += 1) {
        engine.ingest(
          unlabel(
            login(`s${i}`, T0 + i * 60, "web1", `m${i}@spray.example`, { ip: "198.51.100.200" }),
          ),
        );
      }
      return engine.alerts().map((a) => a.rule);
    };
    expect(spray(createMemoryEngine())).toEqual(["ip-spray"]);
    expect(spray(createMemoryEngine({ "ip-spray": { min_mailboxes: 7 } }))).toEqual([]);
    expect(spray(createMemoryEngine({ "ip-spray": { enabled: false } }))).toEqual([]);
    const medium = createMemoryEngine({ "ip-spray": { severity: "medium" } });
    spray(medium);
    expect(medium.alerts().map((a) => a.severity)).toEqual(["medium"]);
  });
});
