import { describe, expect, it } from "vitest";
import type { NewMailboxEvent } from "../src/index.js";
import {
  CORRELATION_SCENARIOS,
  createMemoryEngine,
  runCorrelationScenarios,
} from "../src/memory.js";

describe("the scenario suite on the memory engine", () => {
  it("ends every scenario, in every arrival order, with the expected alerts", async () => {
    const results = await runCorrelationScenarios(() => createMemoryEngine());
    expect(results).toHaveLength(CORRELATION_SCENARIOS.length * 5);
    expect(new Set(results.map((r) => r.arrival))).toEqual(
      new Set(["in-order", "shuffled", "duplicated", "backfilled"]),
    );
    const failures = results
      .filter((result) => !result.ok)
      .map((r) => ({ name: r.name, arrival: r.arrival, seed: r.seed, problems: r.problems }));
    expect(failures).toEqual([]);
  });

  it("covers benign histories and takeovers", () => {
    const names = CORRELATION_SCENARIOS.map((s) => s.name);
    for (const part of [
      "home and office",
      "travel",
      "CGNAT",
      "internal forwarders",
      "new mailbox",
      "classic",
      "slow",
      "churn",
      "shared destination",
      "IP spray",
      "IPv6",
      "hostile",
    ]) {
      expect(names.some((name) => name.includes(part))).toBe(true);
    }
  });

  it("reports an engine that loses evidence", async () => {
    const forgetful = () => {
      const engine = createMemoryEngine();
      return {
        ...engine,
        ingest: (e: NewMailboxEvent) => (e.type === "forward_removed" ? null : engine.ingest(e)),
      };
    };
    const churn = CORRELATION_SCENARIOS.filter((s) => s.name.includes("churn"));
    const results = await runCorrelationScenarios(forgetful, churn);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results[0]!.problems[0]).toContain('missing {"rule":"forwarder-churn"');
  });

  it("reports an engine whose alerts depend on arrival order", async () => {
    let runs = 0;
    const firstOnly = () => {
      runs += 1;
      const engine = createMemoryEngine(runs === 1 ? {} : { "novel-login": { enabled: false } });
      return engine;
    };
    const travel = CORRELATION_SCENARIOS.filter((s) => s.name.includes("travel"));
    const results = await runCorrelationScenarios(firstOnly, travel);
    expect(results[0]!.ok).toBe(true);
    expect(
      results.slice(1).every((r) => r.problems.includes("alerts differ from in-order arrival")),
    ).toBe(true);
  });
});
