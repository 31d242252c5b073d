import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DAEMON_V8_FLAGS } from "@spoor/agent/launch";
import { describe, expect, it } from "vitest";
import { binPath } from "./helpers/daemon-process.js";

const run = promisify(execFile);
const tuneV8 = fileURLToPath(new URL("../dist/tune-v8.js", import.meta.url));

/** A child that keeps a rolling window of objects alive while allocating, then prints the
 *  young generation's size in MiB (V8 doubles it as survivors accumulate). */
async function youngGenerationMiB(preload: string | undefined): Promise<number> {
  const script = `${preload === undefined ? "" : `await import(${JSON.stringify(preload)});`}
    const v8 = await import("node:v8");
    const kept = [];
    for (let i = 0; i < 3e6; i++) {
      const o = { i, s: "x" + i };
      if (i % 3 === 0) kept.push(o);
      if (kept.length > 20000) kept.splice(0, 10000);
    }
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    console.log(space.space_size / 2 ** 20);`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script]);
  return Number(stdout.trim());
}

describe("the daemons' V8 flags", () => {
  it("keep the young generation at its initial size (the default grows it)", async () => {
    const [tuned, untuned] = await Promise.all([
      youngGenerationMiB(tuneV8),
      youngGenerationMiB(undefined),
    ]);
    expect(tuned).toBeLessThanOrEqual(2);
    expect(untuned).toBeGreaterThan(2);
  });

  it("are applied by every bin before the daemon loads", async () => {
    const bins = [
      "spoor-agent",
      "spoor-access-follower",
      "spoor-error-follower",
      "spoor-login-follower",
      "spoor-session-follower",
      "spoor-transmitter",
    ];
    const heads = await Promise.all(
      bins.map(async (bin) => (await readFile(binPath(bin), "utf8")).split("\n").slice(0, 2)),
    );
    expect(heads).toEqual(bins.map(() => ["#!/usr/bin/env node", 'import "../dist/tune-v8.js";']));
    expect(DAEMON_V8_FLAGS).toEqual(["--semi-space-growth-factor=1"]);
  });
});
