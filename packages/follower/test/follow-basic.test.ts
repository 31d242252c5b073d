import { existsSync } from "node:fs";
import { appendFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Checkpoint, createCheckpointStore, followFile } from "../src/index.js";
import {
  appendDelivered,
  follow,
  followStarted,
  numbered,
  resumeFor,
  tempDir,
  text,
  waitFor,
} from "./helpers.js";

async function setup(initial = "") {
  const dir = await tempDir();
  const log = join(dir, "access_log");
  const state = join(dir, "state");
  await writeFile(log, initial);
  return { dir, log, state };
}

describe("followFile: starting and resuming", () => {
  it("starts at the end of a log it has never seen, at the start of an unfinished line", async () => {
    const { log, state } = await setup(`${text(numbered("old", 3))}unfini`);
    const run = follow(state, { path: log });
    const { ino, dev } = await stat(log);
    const started = await run.waitNotice("started");
    expect(started).toEqual({
      kind: "started",
      path: log,
      file: { dev, ino },
      offset: 18,
      from: "end",
    });
    await appendFile(log, `shed\n${text(numbered("new", 2))}`);
    await run.waitLines(3);
    await run.stop();
    expect(run.texts()).toEqual(["unfinished", "new 0", "new 1"]);
    expect(run.lines[0]).toEqual({ text: "unfinished", path: log, offset: 18 });
  });

  it("saves its starting point at once, so lines written before a first commit survive a restart", async () => {
    const { log, state } = await setup(text(numbered("old", 2)));
    const first = await followStarted(state, { path: log }, { commit: false });
    await first.stop();
    await appendFile(log, text(["while down"]));
    const second = await resumeFor(state, log, 1);
    expect(second.texts()).toEqual(["while down"]);
    expect(second.notices[0]).toMatchObject({ kind: "started", from: "checkpoint", offset: 12 });
  });

  it("reports 'started' only once its starting point is on disk (a kill right after it loses nothing)", async () => {
    const { log, state } = await setup(text(numbered("old", 2)));
    const checkpointOnDisk: boolean[] = [];
    const follower = followFile({
      path: log,
      name: "access",
      checkpoints: createCheckpointStore(state),
      onNotice: (notice) => {
        if (notice.kind === "started") {
          checkpointOnDisk.push(existsSync(join(state, "access.checkpoint.json")));
        }
      },
    });
    const iterating = (async () => {
      for await (const batch of follower) await follower.commit(batch);
    })();
    await waitFor("the started notice", () => checkpointOnDisk.length > 0 || undefined);
    await follower.close();
    await iterating;
    expect(checkpointOnDisk).toEqual([true]);
  });

  it("resumes from its checkpoint and delivers the lines appended while it was down", async () => {
    const { log, state } = await setup("");
    const first = await followStarted(state, { path: log });
    await appendDelivered(first, log, numbered("a", 3));
    await first.stop();
    await appendFile(log, text(numbered("b", 2)));
    const second = follow(state, { path: log });
    await second.waitLines(2);
    await appendDelivered(second, log, ["after"]);
    await second.stop();
    expect(first.texts()).toEqual(numbered("a", 3));
    expect(second.texts()).toEqual([...numbered("b", 2), "after"]);
    const { dev, ino } = await stat(log);
    expect(second.notices[0]).toEqual({
      kind: "started",
      path: log,
      file: { dev, ino },
      offset: 12,
      from: "checkpoint",
    });
  });

  it("reads a backlog at once, without waiting for an event or the safety poll", async () => {
    const { log, state } = await setup("");
    const first = await followStarted(state, { path: log });
    await first.stop();
    await appendFile(log, text(numbered("backlog", 3)));
    const second = follow(state, { path: log, safetyPollMs: 3_600_000 });
    await second.waitLines(3);
    await second.stop();
    expect(second.texts()).toEqual(numbered("backlog", 3));
  });

  it("re-delivers a batch that was not committed", async () => {
    const { log, state } = await setup("");
    const first = await followStarted(state, { path: log }, { commit: false });
    await appendFile(log, text(numbered("x", 4)));
    await first.waitLines(4);
    await first.stop();
    const second = await resumeFor(state, log, 4);
    const third = await followStarted(state, { path: log });
    await appendFile(log, text(["sentinel"]));
    await third.waitLines(1);
    await third.stop();
    expect(second.texts()).toEqual(numbered("x", 4));
    expect(third.texts()).toEqual(["sentinel"]);
  });
});

describe("followFile: lines", () => {
  it("holds an unterminated line until its newline and never emits it at close", async () => {
    const { log, state } = await setup("");
    const first = await followStarted(state, { path: log });
    await appendFile(log, "one\npart");
    await first.waitLines(1);
    await appendFile(log, "ial\nthe tail");
    await first.waitLines(2);
    await first.stop();
    expect(first.texts()).toEqual(["one", "partial"]);
    await appendFile(log, " ends\n");
    const second = await resumeFor(state, log, 1);
    expect(second.texts()).toEqual(["the tail ends"]);
  });

  it("leaves \\r\\n line ends and other bytes untouched", async () => {
    const { log, state } = await setup("");
    const run = await followStarted(state, { path: log });
    await appendFile(log, Buffer.from("crlf\r\n\xff\xfe raw\n\n", "latin1"));
    await run.waitLines(3);
    await run.stop();
    expect(run.texts()).toEqual(["crlf\r", "\xff\xfe raw", ""]);
  });

  it("skips and counts over-long lines, reporting counts only", async () => {
    const { log, state } = await setup("");
    const run = await followStarted(state, { path: log, maxLineBytes: 100, chunkBytes: 64 });
    const lines = [
      "short 1",
      "x".repeat(1000),
      "short 2",
      "y".repeat(101),
      "z".repeat(100),
      "w".repeat(5000),
      "w".repeat(5000),
      "short 3",
    ];
    await appendFile(log, text(lines));
    await run.waitLines(4);
    await run.stop();
    expect(run.texts()).toEqual(["short 1", "short 2", "z".repeat(100), "short 3"]);
    expect(run.skipped).toBe(4);
    const skips = run.notices.filter((n) => n.kind === "long-lines-skipped");
    for (const notice of skips) {
      expect(notice).toEqual({
        kind: "long-lines-skipped",
        path: log,
        count: expect.any(Number),
        maxLineBytes: 100,
      });
    }
    expect(skips.reduce((sum, n) => sum + (n.kind === "long-lines-skipped" ? n.count : 0), 0)).toBe(
      4,
    );
  });

  it("commits a batch that only reports skipped lines, so the long line is not skipped again", async () => {
    const { log, state } = await setup("");
    const first = await followStarted(state, { path: log, maxLineBytes: 10, chunkBytes: 16 });
    await appendFile(log, `${"L".repeat(50)}\n`);
    await waitFor("the skip", () => first.skipped === 1);
    await first.stop();
    expect(first.lines).toEqual([]);
    const saved = await createCheckpointStore(state).load("access");
    expect(saved?.offset).toBe(51);
  });
});

describe("followFile: the iterator", () => {
  it("ends a pending next() when closed", async () => {
    const { log, state } = await setup("");
    const notices: string[] = [];
    const follower = followFile({
      path: log,
      name: "access",
      checkpoints: createCheckpointStore(state),
      onNotice: (n) => notices.push(n.kind),
    });
    const iterator = follower[Symbol.asyncIterator]();
    const pending = iterator.next();
    await waitFor("the start", () => notices.includes("started"));
    await follower.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it("can be iterated once and commits only its own batches", async () => {
    const { log, state } = await setup("");
    const follower = followFile({
      path: log,
      name: "access",
      checkpoints: createCheckpointStore(state),
    });
    follower[Symbol.asyncIterator]();
    expect(() => follower[Symbol.asyncIterator]()).toThrow("iterated only once");
    const forged = {
      bytes: Buffer.from("a\n"),
      start: 0,
      end: 2,
      file: { dev: 1, ino: 2 },
      path: log,
      fileOffset: 0,
      checkpoint: { path: log, dev: 1, ino: 2, offset: 2, updatedAt: new Date().toISOString() },
      skippedLongLines: 0,
    };
    await expect(follower.commit(forged)).rejects.toThrow(TypeError);
    await follower.close();
  });

  it("coalesces commits made without waiting, saving the newest checkpoint last", async () => {
    const { log, state } = await setup("");
    const store = createCheckpointStore(state);
    const saved: number[] = [];
    const counting = {
      load: (name: string) => store.load(name),
      save: async (name: string, checkpoint: Checkpoint) => {
        await store.save(name, checkpoint);
        saved.push(checkpoint.offset);
      },
    };
    const notices: string[] = [];
    const follower = followFile({
      path: log,
      name: "access",
      checkpoints: counting,
      chunkBytes: 8,
      onNotice: (n) => notices.push(n.kind),
    });
    await waitFor("the start", () => notices.includes("started"));
    await appendFile(log, text(numbered("n", 20)));
    const commits: Promise<void>[] = [];
    let delivered = 0;
    for await (const batch of follower) {
      commits.push(follower.commit(batch));
      delivered = batch.checkpoint.offset;
      if (delivered === 20 * 4 + 10 * 1) break;
    }
    await Promise.all(commits);
    expect(commits.length).toBeGreaterThan(2);
    expect(saved.length).toBeLessThan(commits.length + 1);
    expect(saved.at(-1)).toBe(delivered);
    expect((await store.load("access"))?.offset).toBe(delivered);
    expect([...saved].sort((a, b) => a - b)).toEqual(saved);
  });

  it("rejects bad options", async () => {
    const { log, state } = await setup("");
    const checkpoints = createCheckpointStore(state);
    expect(() => followFile({ path: log, name: "a", checkpoints, chunkBytes: 0 })).toThrow(
      RangeError,
    );
    expect(() => followFile({ path: "", name: "a", checkpoints })).toThrow(TypeError);
  });

  it("writes a 0600 checkpoint holding the committed position", async () => {
    const { log, state } = await setup("");
    const run = await followStarted(state, { path: log });
    await appendDelivered(run, log, numbered("c", 3));
    await run.stop();
    const file = join(state, "access.checkpoint.json");
    const { dev, ino } = await stat(log);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      path: log,
      dev,
      ino,
      offset: 12,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      headLength: 12,
      headSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
