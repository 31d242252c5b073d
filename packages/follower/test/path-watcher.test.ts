import { appendFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchPath } from "../src/path-watcher.js";
import { tempDir, waitFor } from "./helpers.js";

const watchers: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const watcher of watchers.splice(0)) await watcher.close();
});

/** Watches `path`, counting events; errors are kept. */
function watched(path: string) {
  const seen = { events: 0, errors: [] as Error[] };
  const watcher = watchPath(
    path,
    () => {
      seen.events += 1;
    },
    (error) => seen.errors.push(error),
  );
  watchers.push(watcher);
  return { seen, watcher };
}

/** Watches `name` in a fresh directory, created first with `initial` unless that is undefined. */
async function watchedLog(name: string, initial?: string) {
  const log = join(await tempDir(), name);
  if (initial !== undefined) await writeFile(log, initial);
  return { log, ...watched(log) };
}

/** Three appends in a row, each reported: the watcher has settled on the file at `path`. */
async function appendsKeepBeingSeen(path: string, seen: { events: number }, what: string) {
  for (let round = 1; round <= 3; round++) await appendUntilSeen(path, seen, `${what} (${round})`);
}

/**
 * Appends to `path` until an event arrives (the first append may come before chokidar has
 * armed its watch: there is no "ready" to wait for once the watcher re-arms itself).
 */
async function appendUntilSeen(path: string, seen: { events: number }, what: string) {
  const before = seen.events;
  let n = 0;
  await waitFor(what, async () => {
    await appendFile(path, `line ${n++}\n`);
    return seen.events > before;
  });
}

/** `path` (`what` it now is) is reported, and so are its appends after, without errors. */
async function expectReportedAgain(
  path: string,
  seen: { events: number; errors: Error[] },
  what: string,
) {
  await appendUntilSeen(path, seen, `an event for ${what}`);
  await appendsKeepBeingSeen(path, seen, `events for appends to ${what}`);
  expect(seen.errors).toEqual([]);
}

describe("watchPath", () => {
  it("reports appends to an existing file", async () => {
    const { log, seen } = await watchedLog("access_log", "");
    await appendUntilSeen(log, seen, "an event for an append");
    expect(seen.errors).toEqual([]);
  });

  it("reports a file that did not exist when watching began, and its appends after", async () => {
    const { log, seen } = await watchedLog("access_log");
    await expectReportedAgain(log, seen, "the created file");
  });

  it("after a rename rotation, reports the file re-created later at the path and its appends", async () => {
    const { log, seen } = await watchedLog("access_log", "old\n");
    await appendUntilSeen(log, seen, "an event before the rotation");
    const beforeRename = seen.events;
    // A write just before the rename: chokidar itself drops a rename within 5 ms of a write.
    await appendFile(log, "last line before the rotation\n");
    await rename(log, `${log}.bkup`);
    await waitFor("an event for the rename", () => seen.events > beforeRename);
    await expectReportedAgain(log, seen, "the re-created file");
  });

  it("after a deletion, reports the file re-created at the path and its appends", async () => {
    const { log, seen } = await watchedLog("error_log", "");
    await appendUntilSeen(log, seen, "an event before the deletion");
    await rm(log);
    await expectReportedAgain(log, seen, "the re-created file");
  });

  it("goes on reporting appends after rearm()", async () => {
    const { log, seen, watcher } = await watchedLog("session_log", "");
    await appendUntilSeen(log, seen, "an event before rearm()");
    watcher.rearm();
    watcher.rearm();
    await appendsKeepBeingSeen(log, seen, "events for appends after rearm()");
    expect(seen.errors).toEqual([]);
  });

  it("reports nothing after close", async () => {
    const { log, seen, watcher } = await watchedLog("login_log");
    await appendUntilSeen(log, seen, "an event for the file's creation");
    await watcher.close();
    const atClose = seen.events;
    // A second watcher on the same file proves that these appends do produce events.
    const witness = watched(log);
    await appendUntilSeen(log, witness.seen, "an event for the witness");
    expect(seen.events).toBe(atClose);
  });
});
