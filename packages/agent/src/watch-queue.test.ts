import { unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDirEach, waitFor } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureLogger } from "../test/helpers/capture-logger.js";
import { type QueueWatcher, watchQueue } from "./watch-queue.js";

let watcher: QueueWatcher | undefined;
const temp = tempDirEach("spoor-watch-queue-", { beforeEach, afterEach });
afterEach(async () => {
  await watcher?.close();
});

/** Watches `dir` (see watchQueue), counting the onChange calls. */
function countingWatch(dir: string, rescanMs: number, logger = captureLogger().logger) {
  const counted = { calls: 0 };
  watcher = watchQueue(dir, {
    onChange: () => {
      counted.calls += 1;
    },
    rescanMs,
    logger,
  });
  return counted;
}

describe("watchQueue", () => {
  it("calls onChange for each entry that appears, not for temp files or removals", async () => {
    const counted = countingWatch(temp.path, 3_600_000);
    await writeFile(join(temp.path, ".tmp-0123456789abcdef"), "{");
    await writeFile(join(temp.path, "login.1.1000001.json"), "{}");
    await waitFor("onChange", () => counted.calls >= 1);
    await unlink(join(temp.path, ".tmp-0123456789abcdef"));
    await unlink(join(temp.path, "login.1.1000001.json"));
    await writeFile(join(temp.path, "notes.txt"), "x");
    await writeFile(join(temp.path, "login.2.1000002.json"), "{}");
    await waitFor("onChange", () => counted.calls >= 2);
    // inotify delivers events in order: everything before the second entry was seen, ignored.
    expect(counted.calls).toBe(2);
  });

  it("rescans every rescanMs without events", async () => {
    const counted = countingWatch(temp.path, 20);
    await waitFor("onChange", () => counted.calls >= 2);
    expect(counted.calls).toBeGreaterThanOrEqual(2);
  });

  it("logs a directory it cannot watch and still rescans", async () => {
    const captured = captureLogger();
    const counted = countingWatch(join(temp.path, "missing"), 20, captured.logger);
    await waitFor("onChange", () => counted.calls >= 1);
    expect(captured.lines()).toEqual([
      {
        time: expect.any(String),
        level: "warn",
        msg: "spool watcher error",
        error: { name: "Error", message: expect.stringContaining("ENOENT"), code: "ENOENT" },
      },
    ]);
  });
});
