import { describe, expect, it } from "vitest";
import {
  CORRELATION_SCENARIOS,
  createMemoryEngine,
  runCorrelationScenarios,
} from "../src/memory.js";

describe("the scenario suite on the memory engine", () => {
  it("ends every scenario, in every arrival order, with the expected alerts", async () => {
    const results = await runCorrelationScenarios(() => createMemoryEngine());
    expect(results).toHaveLength(CORRELATION_SCENARIOS.length * 5);
    const failures = results
      .filter((result) => !result.ok)
      .map((r) => ({ name: r.name, arrival: r.arrival, seed: r.seed, problems: r.problems }));
    expect(failures).toEqual([]);
  });
});
