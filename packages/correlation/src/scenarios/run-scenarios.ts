import type { AlertRecord } from "../alert.js";
import type { MailboxEvent, NewMailboxEvent } from "../mailbox-event.js";
import { type Arrival, arrange } from "./arrival.js";
import { BENIGN_SCENARIOS } from "./benign-scenarios.js";
import { type ComparableAlert, normalizeAlerts } from "./normalize-alerts.js";
import type { ExpectedAlert, Scenario } from "./scenario.js";
import { TAKEOVER_SCENARIOS } from "./takeover-scenarios.js";

/** What a store must offer to run the scenario suite: the server's flow for one entry. */
export interface ScenarioEngine {
  /** Dedupe a re-sent entry, merge forwarder halves, store, correlate, reconcile, apply. */
  ingest(event: NewMailboxEvent): unknown;
  alerts(): AlertRecord[] | Promise<AlertRecord[]>;
  events(): MailboxEvent[] | Promise<MailboxEvent[]>;
}

/** One replay of one scenario. */
export interface ScenarioResult {
  name: string;
  arrival: Arrival;
  seed: number;
  /** True when the alerts match the expectation and equal those of in-order arrival. */
  ok: boolean;
  problems: string[];
  expected: ExpectedAlert[];
  actual: ComparableAlert[];
}

/** Every scenario of the suite (benign, then takeovers). */
export const CORRELATION_SCENARIOS: readonly Scenario[] = [
  ...BENIGN_SCENARIOS,
  ...TAKEOVER_SCENARIOS,
];

const ARRIVALS: readonly [Arrival, number][] = [
  ["in-order", 0],
  ["shuffled", 1],
  ["shuffled", 2],
  ["duplicated", 3],
  ["backfilled", 0],
];

function matchesExpected(actual: ComparableAlert, expected: ExpectedAlert): boolean {
  return (
    actual.rule === expected.rule &&
    actual.severity === expected.severity &&
    JSON.stringify(actual.mailbox_addresses) === JSON.stringify([...expected.mailboxes].sort()) &&
    (expected.evidence === undefined ||
      JSON.stringify(actual.evidence) === JSON.stringify([...expected.evidence].sort()))
  );
}

function compare(actual: ComparableAlert[], expected: readonly ExpectedAlert[]): string[] {
  const left = [...actual];
  const problems: string[] = [];
  for (const want of expected) {
    const at = left.findIndex((alert) => matchesExpected(alert, want));
    if (at < 0) problems.push(`missing ${JSON.stringify(want)}`);
    else left.splice(at, 1);
  }
  for (const extra of left) {
    problems.push(
      `unexpected ${JSON.stringify({ rule: extra.rule, severity: extra.severity, mailboxes: extra.mailbox_addresses, evidence: extra.evidence })}`,
    );
  }
  return problems;
}

/**
 * Replays every scenario into fresh engines from `makeEngine`: in order, shuffled (two seeds,
 * up to 48 h late), duplicated and backfilled. Each replay must end with the scenario's
 * expected alerts, and with exactly the alerts (content, evidence, summary) of in-order
 * arrival. Returns one result per replay; it never throws for a failing scenario (see `ok`
 * and `problems`), only for what `makeEngine` or the engine throws.
 */
export async function runCorrelationScenarios(
  makeEngine: () => ScenarioEngine | Promise<ScenarioEngine>,
  scenarios: readonly Scenario[] = CORRELATION_SCENARIOS,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    let reference: string | null = null;
    for (const [arrival, seed] of ARRIVALS) {
      const engine = await makeEngine();
      for (const { label: _label, ...event } of arrange(scenario.events, arrival, seed)) {
        await engine.ingest(event);
      }
      const actual = normalizeAlerts(await engine.alerts(), await engine.events(), scenario.events);
      const problems = compare(actual, scenario.expected);
      const text = JSON.stringify(actual);
      if (reference === null) reference = text;
      else if (text !== reference) problems.push("alerts differ from in-order arrival");
      results.push({
        name: scenario.name,
        arrival,
        seed,
        ok: problems.length === 0,
        problems,
        expected: scenario.expected,
        actual,
      });
    }
  }
  return results;
}
