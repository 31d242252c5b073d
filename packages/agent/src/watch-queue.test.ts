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

describe("watchQueue", () => {
  it("calls onChange for each entry that appears, not for temp files or removals", async () => {
    let calls = 0;
    watcher = watchQueue(temp.path, {
      onChange: () => {
        calls += 1;
      },
      rescanMs: 3_600_000,
      logger: captureLogger().logger,
    });
    await writeFile(join(temp.path, ".tmp-0123456789abcdef"), "{");
    await writeFile(join(temp.path, "login.1.1000001.json"), "{}");
    await waitFor("onChange", () => calls >= 1);
    await unlink(join(temp.path, ".tmp-0123456789abcdef"));
    await unlink(join(temp.path, "login.1.1000001.json"));
    await writeFile(join(temp.path, "notes.txt"), "x");
    await writeFile(join(temp.path, "login.2.1000002.json"), "{}");
    await waitFor("onChange", () => calls >= 2);
    // inotify delivers events in order: everything before the second entry was seen, ignored.
    expect(calls).toBe(2);
  });

  it("rescans every rescanMs without events", async () => {
    let calls = 0;
    watcher = watchQueue(temp.path, {
      onChange: () => {
        calls += 1;
      },
      rescanMs: 20,
      logger: captureLogger().logger,
    });
    await waitFor("onChange", () => calls >= 2);
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it("logs a directory it cannot watch and still rescans", async () => {
    const captured = captureLogger();
    let calls = 0;
    watcher = watchQueue(join(temp.path, "missing"), {
      onChange: () => {
        calls += 1;
      },
      rescanMs: 20,
      logger: captured.logger,
    });
    await waitFor("onChange", () => calls >= 1);
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
