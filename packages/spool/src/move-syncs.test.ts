import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMoveSyncs } from "./move-syncs.js";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-move-syncs-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("createMoveSyncs", () => {
  it("syncs at once for a lone move (the second call waits for a later fsync)", async () => {
    const { sync, counted } = createMoveSyncs(50);
    await counted(async () => {
      const first = sync(directory);
      const second = sync(directory);
      expect(second).not.toBe(first);
      await Promise.all([first, second]);
    });
  });

  it("lingers while moves run at once, so they share one fsync", async () => {
    const { sync, counted } = createMoveSyncs(20);
    const syncs: Array<Promise<void>> = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const other = counted(() => held);
    await counted(async () => {
      syncs.push(sync(directory), sync(directory));
    });
    release();
    await other;
    expect(syncs[1]).toBe(syncs[0]);
    await Promise.all(syncs);
  });

  it("counts a move that fails as finished", async () => {
    const { sync, counted } = createMoveSyncs(50);
    await expect(counted(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await counted(async () => {
      const first = sync(directory);
      const second = sync(directory);
      expect(second).not.toBe(first);
      await Promise.all([first, second]);
    });
  });
});
