import { tempDirEach } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMoveSyncs } from "./move-syncs.js";

const temp = tempDirEach("spoor-move-syncs-", { beforeEach, afterEach });

describe("createMoveSyncs", () => {
  it("syncs at once for a lone move (the second call waits for a later fsync)", async () => {
    const { sync, counted } = createMoveSyncs(50);
    await counted(async () => {
      const first = sync(temp.path);
      const second = sync(temp.path);
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
      syncs.push(sync(temp.path), sync(temp.path));
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
      const first = sync(temp.path);
      const second = sync(temp.path);
      expect(second).not.toBe(first);
      await Promise.all([first, second]);
    });
  });
});
