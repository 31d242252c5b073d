import { join } from "node:path";
import { tempDirEach } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coalesceDirectorySyncs } from "./coalesce-directory-syncs.js";

const temp = tempDirEach("spoor-sync-", { beforeEach, afterEach });

describe("coalesceDirectorySyncs", () => {
  it("shares one follow-up fsync among the calls that arrive while one runs", async () => {
    const sync = coalesceDirectorySyncs();
    const first = sync(temp.path);
    const second = sync(temp.path);
    const third = sync(temp.path);
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    await Promise.all([first, second, third]);
    const later = sync(temp.path);
    expect(later).not.toBe(second);
    await later;
  });

  it("with a linger, shares one fsync among the calls made before it starts", async () => {
    const sync = coalesceDirectorySyncs({ lingerMs: () => 20 });
    const first = sync(temp.path);
    const second = sync(temp.path);
    expect(second).toBe(first);
    await first;
    const again = sync(temp.path);
    expect(sync(temp.path)).toBe(again);
    expect(again).not.toBe(first);
    await again;
  });

  it("rejects with the fsync's error, and recovers for later calls", async () => {
    const sync = coalesceDirectorySyncs();
    await expect(sync(join(temp.path, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(sync(temp.path)).resolves.toBeUndefined();
  });
});
