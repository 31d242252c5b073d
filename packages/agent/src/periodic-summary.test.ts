import { waitFor } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { captureLogger } from "../test/helpers/capture-logger.js";
import { startPeriodicSummary } from "./periodic-summary.js";

describe("startPeriodicSummary", () => {
  it("logs counts only when they moved, and once more on stop", async () => {
    const captured = captureLogger();
    const counts = { scanned: 0 };
    const summary = startPeriodicSummary({
      logger: captured.logger,
      msg: "counts",
      snapshot: () => ({ ...counts }),
      intervalMs: 10,
    });
    counts.scanned = 5;
    await waitFor("first summary", () => captured.lines().length === 1);
    counts.scanned = 7;
    summary.stop();
    summary.stop();
    expect(captured.lines().map(({ time, ...rest }) => rest)).toEqual([
      { level: "info", msg: "counts", scanned: 5 },
      { level: "info", msg: "counts", scanned: 7 },
    ]);
  });
});
