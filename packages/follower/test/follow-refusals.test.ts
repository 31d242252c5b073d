import { execFile } from "node:child_process";
import { appendFile, chown, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createCheckpointStore, followFile } from "../src/index.js";
import { follow, numbered, tempDir, text } from "./helpers.js";

async function setup() {
  const dir = await tempDir();
  return { dir, log: join(dir, "access_log"), state: join(dir, "state") };
}

describe("followFile: files it must not read", () => {
  it("refuses a symlink, keeps retrying, and follows the real file that replaces it", async () => {
    const { dir, log, state } = await setup();
    await writeFile(join(dir, "secret"), text(["not a log"]));
    await symlink(join(dir, "secret"), log);
    const run = follow(state, { path: log });
    expect(await run.waitNotice("refused")).toEqual({
      kind: "refused",
      path: log,
      reason: "symlink",
    });
    await rm(log);
    await writeFile(log, text(["existing"]));
    await run.waitNotice("started");
    await appendFile(log, text(numbered("line", 2)));
    await run.waitLines(2);
    await run.stop();
    expect(run.texts()).toEqual(numbered("line", 2));
    expect(run.notices.map((n) => n.kind)).toEqual(["refused", "started", "recovered"]);
  });

  it("refuses a file owned by another user until it is chowned back", async () => {
    const { log, state } = await setup();
    await writeFile(log, "");
    await chown(log, 4242, 4242);
    const run = follow(state, { path: log, allowedOwners: [process.geteuid?.() ?? 0] });
    expect(await run.waitNotice("refused")).toEqual({
      kind: "refused",
      path: log,
      reason: "foreign-owner",
    });
    await chown(log, process.geteuid?.() ?? 0, 0);
    await run.waitNotice("started");
    await appendFile(log, text(["ok"]));
    await run.waitLines(1);
    await run.stop();
    expect(run.texts()).toEqual(["ok"]);
  });

  it("reports a file-system error once, retries, and recovers", async () => {
    const { dir, state } = await setup();
    const parent = join(dir, "logs");
    const log = join(parent, "access_log");
    await writeFile(parent, "a file where the log directory should be");
    const run = follow(state, { path: log });
    expect(await run.waitNotice("error")).toEqual({
      kind: "error",
      path: log,
      op: "open",
      code: "ENOTDIR",
      message: expect.stringContaining("ENOTDIR"),
    });
    await rm(parent);
    await mkdir(parent);
    await writeFile(log, text(["before"]));
    await run.waitNotice("started");
    await appendFile(log, text(["after"]));
    await run.waitLines(1);
    await run.stop();
    expect(run.texts()).toEqual(["after"]);
    expect(run.notices.map((n) => n.kind)).toEqual(["error", "started", "recovered"]);
  });

  it("does not block on a FIFO at the path", async () => {
    const { log, state } = await setup();
    await promisify(execFile)("mkfifo", [log]);
    const run = follow(state, { path: log });
    expect(await run.waitNotice("refused")).toEqual({
      kind: "refused",
      path: log,
      reason: "not-a-file",
    });
    await run.stop();
  });

  it("reports an invalid checkpoint and reads the log from 0 rather than lose lines", async () => {
    const { log, state } = await setup();
    await createCheckpointStore(state).save("access", {
      path: log,
      dev: 1,
      ino: 1,
      offset: 0,
      updatedAt: new Date().toISOString(),
    });
    await writeFile(join(state, "access.checkpoint.json"), "{garbage");
    await writeFile(log, text(numbered("kept", 2)));
    const run = follow(state, { path: log });
    await run.waitLines(2);
    await run.stop();
    expect(run.texts()).toEqual(numbered("kept", 2));
    expect(run.notices[0]).toEqual({
      kind: "checkpoint-invalid",
      path: join(state, "access.checkpoint.json"),
      reason: "bad-json",
    });
  });

  it("fails the iteration with CheckpointError when the state directory is unsafe", async () => {
    const { dir, log } = await setup();
    await writeFile(log, "");
    await symlink(dir, join(dir, "state-link"));
    const follower = followFile({
      path: log,
      name: "access",
      checkpoints: createCheckpointStore(join(dir, "state-link")),
    });
    const consume = async () => {
      for await (const _ of follower) {
        // nothing arrives
      }
    };
    await expect(consume()).rejects.toMatchObject({ name: "CheckpointError", reason: "symlink" });
  });
});
