import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coalesceDirectorySyncs } from "./coalesce-directory-syncs.js";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-sync-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("coalesceDirectorySyncs", () => {
  it("shares one follow-up fsync among the calls that arrive while one runs", async () => {
    const sync = coalesceDirectorySyncs();
    const first = sync(directory);
    const second = sync(directory);
    const third = sync(directory);
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    await Promise.all([first, second, third]);
    const later = sync(directory);
    expect(later).not.toBe(second);
    await later;
  });

  it("with a linger, shares one fsync among the calls made before it starts", async () => {
    const sync = coalesceDirectorySyncs({ lingerMs: () => 20 });
    const first = sync(directory);
    const second = sync(directory);
    expect(second).toBe(first);
    await first;
    const again = sync(directory);
    expect(sync(directory)).toBe(again);
    expect(again).not.toBe(first);
    await again;
  });

  it("rejects with the fsync's error, and recovers for later calls", async () => {
    const sync = coalesceDirectorySyncs();
    await expect(sync(join(directory, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
    await expect(sync(directory)).resolves.toBeUndefined();
  });
});
