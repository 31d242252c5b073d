import { appendFile, open, rename, stat, truncate, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCheckpointStore } from "../src/index.js";
import {
  appendDelivered,
  follow,
  followStarted,
  numbered,
  resumeFor,
  tempDir,
  text,
} from "./helpers.js";

async function setup() {
  const dir = await tempDir();
  return { log: join(dir, "access_log"), state: join(dir, "state") };
}

/** A follower of a new, empty log in a fresh directory, once it has started. */
async function followEmptyLog() {
  const { log, state } = await setup();
  await writeFile(log, "");
  const file = await identity(log);
  const run = await followStarted(state, { path: log });
  return { log, state, file, run };
}

async function identity(path: string) {
  const { dev, ino } = await stat(path);
  return { dev, ino };
}

describe("followFile: rename rotation", () => {
  it("drains the renamed file, including writes made after the rename, then reads the new one from 0", async () => {
    const { log, state, file: oldFile, run } = await followEmptyLog();
    const writer = await open(log, "a");
    await writer.write(text(numbered("old", 5)));
    await run.waitLines(5);
    await rename(log, `${log}.bkup`);
    await writer.write(text(numbered("late", 3)));
    await writeFile(log, text(numbered("new", 4)));
    const newFile = await identity(log);
    await run.waitLines(12);
    await writer.close();
    await run.stop();
    expect(run.texts()).toEqual([
      ...numbered("old", 5),
      ...numbered("late", 3),
      ...numbered("new", 4),
    ]);
    expect(run.lines.slice(8)).toEqual(
      numbered("new", 4).map((t, i) => ({ text: t, path: log, offset: i * 6 })),
    );
    expect(run.notices.filter((n) => n.kind !== "started")).toEqual([
      { kind: "rotated", path: log, file: oldFile, renamedTo: `${log}.bkup` },
      { kind: "appeared", path: log, file: newFile },
      {
        kind: "switched",
        path: log,
        from: oldFile,
        to: newFile,
        drainedOffset: 5 * 6 + 3 * 7,
        droppedTailBytes: 0,
      },
    ]);
    expect(await createCheckpointStore(state).load("access")).toMatchObject({
      ...newFile,
      path: log,
      offset: 24,
    });
  });

  it("after a restart, drains the renamed file from the checkpoint, then the new file from 0", async () => {
    const { log, state, file: oldFile, run: first } = await followEmptyLog();
    await appendFile(log, text(numbered("old", 4)));
    await first.waitLines(4);
    await first.stop();
    await appendFile(log, text(numbered("unread", 2)));
    await rename(log, `${log}.bkup`);
    await appendFile(`${log}.bkup`, text(["late 0"]));
    await writeFile(log, text(numbered("new", 3)));
    const newFile = await identity(log);
    const second = await resumeFor(state, log, 6);
    expect(second.texts()).toEqual(["unread 0", "unread 1", "late 0", ...numbered("new", 3)]);
    expect(second.lines.map((l) => l.path)).toEqual([
      ...Array(3).fill(`${log}.bkup`),
      ...Array(3).fill(log),
    ]);
    expect(second.notices.slice(0, 3)).toEqual([
      { kind: "rotated", path: log, file: oldFile, renamedTo: `${log}.bkup` },
      { kind: "started", path: `${log}.bkup`, file: oldFile, offset: 24, from: "checkpoint" },
      { kind: "appeared", path: log, file: newFile },
    ]);
  });

  it("after a restart, reads the current file from 0 when the checkpoint's file is gone", async () => {
    const { log, state, file: oldFile, run: first } = await followEmptyLog();
    await appendFile(log, text(numbered("old", 2)));
    await first.waitLines(2);
    await first.stop();
    await rename(log, `${log}.bkup`);
    await writeFile(log, text(numbered("new", 2)));
    await unlink(`${log}.bkup`);
    const second = await resumeFor(state, log, 2);
    expect(second.texts()).toEqual(numbered("new", 2));
    expect(second.notices.slice(0, 2)).toEqual([
      { kind: "checkpoint-file-gone", path: log, file: oldFile },
      { kind: "started", path: log, file: await identity(log), offset: 0, from: "beginning" },
    ]);
  });

  it("after two rotations while down, drains the newer rotated file from 0 first", async () => {
    const { log, state, run: first } = await followEmptyLog();
    await appendFile(log, text(["a 0"]));
    await first.waitLines(1);
    await first.stop();
    await rename(log, `${log}.bkup`);
    await writeFile(log, text(numbered("b", 2)));
    await rename(log, `${log}.bkup`);
    await writeFile(log, text(["c 0"]));
    const second = await resumeFor(state, log, 3);
    expect(second.texts()).toEqual(["b 0", "b 1", "c 0"]);
    expect(second.lines.map((l) => l.path)).toEqual([`${log}.bkup`, `${log}.bkup`, log]);
  });
});

describe("followFile: delete, truncate, missing", () => {
  it("drains a deleted file through its open descriptor, then reads the recreated one from 0", async () => {
    const { log, file: oldFile, run } = await followEmptyLog();
    const writer = await open(log, "a");
    await writer.write(text(numbered("a", 3)));
    await run.waitLines(3);
    await unlink(log);
    await writer.write(text(["gone 0"]));
    await writeFile(log, text(numbered("re", 2)));
    await run.waitLines(6);
    await writer.close();
    await run.stop();
    expect(run.texts()).toEqual([...numbered("a", 3), "gone 0", ...numbered("re", 2)]);
    expect(run.notices).toContainEqual({ kind: "rotated", path: log, file: oldFile });
  });

  it("re-reads a file truncated in place from 0", async () => {
    const { log, file, run } = await followEmptyLog();
    const writer = await open(log, "a");
    await writer.write(text(numbered("before truncation", 3)));
    await run.waitLines(3);
    await truncate(log, 0);
    await writer.write(text(["t 0"]));
    await run.waitLines(4);
    await writer.close();
    await run.stop();
    expect(run.texts()).toEqual([...numbered("before truncation", 3), "t 0"]);
    expect(run.lines[3]).toEqual({ text: "t 0", path: log, offset: 0 });
    expect(run.notices).toContainEqual({
      kind: "truncated",
      path: log,
      file,
      size: expect.any(Number),
      offset: 60,
      reason: "size",
    });
  });

  it("re-reads from 0 a file truncated and regrown past the position while it waited", async () => {
    const { log, run } = await followEmptyLog();
    await appendFile(log, text(numbered("aaaa", 2)));
    await run.waitLines(2);
    // One open(O_TRUNC)+write: by the time the follower looks, the file is longer than its
    // position again. Reading on from offset 14 would yield the tail of a rewritten line.
    await writeFile(log, text(numbered("rewritten line number", 3)));
    await run.waitLines(5);
    await run.stop();
    expect(run.texts()).toEqual([...numbered("aaaa", 2), ...numbered("rewritten line number", 3)]);
    expect(run.lines[2]).toEqual({ text: "rewritten line number 0", path: log, offset: 0 });
  });

  it("after a restart, notices a file truncated and rewritten past the checkpoint", async () => {
    const { log, state, run: first } = await followEmptyLog();
    await appendDelivered(first, log, numbered("aaaa", 2));
    await first.stop();
    await writeFile(log, text(numbered("rewritten", 3)));
    const second = await resumeFor(state, log, 3);
    expect(second.texts()).toEqual(numbered("rewritten", 3));
    expect(second.notices[0]).toMatchObject({ kind: "truncated", offset: 14, reason: "content" });
  });

  it("waits for a log that does not exist yet and reads it from 0 when it appears", async () => {
    const { log, state } = await setup();
    const run = follow(state, { path: log });
    expect(await run.waitNotice("missing")).toEqual({ kind: "missing", path: log });
    await writeFile(log, text(numbered("first", 2)));
    await run.waitLines(2);
    await appendFile(log, text(["more"]));
    await run.waitLines(3);
    await run.stop();
    expect(run.texts()).toEqual([...numbered("first", 2), "more"]);
    expect(run.notices).toContainEqual({ kind: "appeared", path: log, file: await identity(log) });
  });

  it("reads from 0 a log that appeared while it was down, if it was missing at its first start", async () => {
    const { log, state } = await setup();
    const first = follow(state, { path: log });
    await first.waitNotice("missing");
    await first.stop();
    await writeFile(log, text(numbered("early", 2)));
    const second = await resumeFor(state, log, 2);
    expect(second.texts()).toEqual(numbered("early", 2));
  });
});
