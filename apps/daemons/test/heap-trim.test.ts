import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const library = fileURLToPath(new URL("../dist/index.js", import.meta.url));

/**
 * A child that starts the heap trim (every 20 ms, at 1 MiB of growth), then keeps allocating
 * objects that survive long enough to be promoted and are then dropped, until it sees a
 * forced full collection or 10 s pass; prints what it saw.
 */
async function trimChild(nodeFlags: string[]): Promise<{ started: boolean; forced: boolean }> {
  const script = `
    const { startHeapTrim } = await import(${JSON.stringify(library)});
    const { PerformanceObserver, constants } = await import("node:perf_hooks");
    let forced = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR &&
            entry.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced = true;
      }
    }).observe({ entryTypes: ["gc"] });
    const trim = startHeapTrim({ intervalMs: 20, growthBytes: 1024 * 1024 });
    const deadline = Date.now() + 10_000;
    let kept = [];
    while (trim && !forced && Date.now() < deadline) {
      for (let i = 0; i < 20_000; i++) kept.push({ i, s: "x" + i });
      if (kept.length > 100_000) kept = [];
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    trim?.stop();
    console.log(JSON.stringify({ started: trim !== undefined, forced }));`;
  const { stdout } = await run(process.execPath, [
    ...nodeFlags,
    "--input-type=module",
    "-e",
    script,
  ]);
  return JSON.parse(stdout.trim()) as { started: boolean; forced: boolean };
}

describe("startHeapTrim", () => {
  it("runs a full collection once the used heap has grown, when node exposes gc()", async () => {
    expect(await trimChild(["--expose-gc"])).toEqual({ started: true, forced: true });
  });

  it("does nothing without --expose-gc", async () => {
    expect(await trimChild([])).toEqual({ started: false, forced: false });
  });
});
