import { describe, expect, it } from "vitest";
import {
  CorrelationLoopError,
  correlate,
  correlateAsync,
  evaluate,
  type HistoryAnswer,
  historyQueries,
  type MailboxEvent,
  validateRulesConfig,
} from "../src/index.js";
import { CORRELATION_SCENARIOS, createMemoryEngine } from "../src/memory.js";
import { unlabel } from "./helpers.js";

const rules = validateRulesConfig({});
const classic = CORRELATION_SCENARIOS.find((s) => s.name === "takeover: classic")!;

function loaded() {
  const engine = createMemoryEngine();
  for (const event of classic.events) engine.ingest(unlabel(event));
  const forwarder = engine.events().find((e) => e.type === "forward_added")!;
  return { engine, forwarder };
}

describe("the history-query loop", () => {
  it("asks plain, JSON-safe queries with deterministic keys", () => {
    const { forwarder } = loaded();
    const queries = historyQueries(forwarder, rules);
    expect(queries.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(queries))).toEqual(queries);
    expect(historyQueries(forwarder, rules)).toEqual(queries);
    expect(new Set(queries.map((q) => q.key)).size).toBe(queries.length);
    expect(queries).toContainEqual(
      expect.objectContaining({ kind: "domainSeen", host: "web1", domain: "evil.example" }),
    );
  });

  it("settles in a few rounds, stateless: the step driven by hand equals correlate", () => {
    const { engine, forwarder } = loaded();
    const answers = new Map<string, HistoryAnswer>();
    let rounds = 0;
    let step = evaluate(forwarder, answers, rules);
    while (!step.done) {
      rounds += 1;
      for (const query of step.queries) answers.set(query.key, engine.history.answer(query));
      step = evaluate(forwarder, answers, rules);
    }
    expect(rounds).toBeGreaterThan(1);
    expect(rounds).toBeLessThanOrEqual(6);
    expect(step.findings).toEqual(correlate(forwarder, rules, engine.history));
    const rules_ = step.findings.filter((f) => f.incidents.length > 0).map((f) => f.rule);
    expect(rules_).toEqual(["external-forwarder", "takeover-sequence"]);
  });

  it("gives the same findings through an async store", async () => {
    const { engine, forwarder } = loaded();
    const asyncStore = {
      answer: async (q: Parameters<typeof engine.history.answer>[0]) => engine.history.answer(q),
    };
    expect(await correlateAsync(forwarder, rules, asyncStore)).toEqual(
      correlate(forwarder, rules, engine.history),
    );
  });

  it("stops with CorrelationLoopError when a store never answers in the right shape", async () => {
    const { forwarder } = loaded();
    const broken = { answer: () => undefined as unknown as HistoryAnswer };
    expect(() => correlate(forwarder, rules, broken)).toThrow(CorrelationLoopError);
    await expect(correlateAsync(forwarder, rules, broken)).rejects.toThrow(CorrelationLoopError);
  });

  it("finds nothing for events of unknown types or without a mailbox", () => {
    const engine = createMemoryEngine();
    const odd: Omit<MailboxEvent, "id"> = {
      event_time: 1,
      host: "h",
      type: "domain_forward_added",
      mailbox_address: null,
      ip: null,
      network: null,
      asn: null,
      as_name: null,
      country: null,
      forward_recipient: "x@y",
    };
    expect(engine.ingest(odd)).toMatchObject({ accepted: true, changes: [] });
    expect(engine.ingest({ ...odd, type: "<script>", mailbox_address: "a@b" })).toMatchObject({
      changes: [],
    });
  });
});
