import {
  chmod,
  chown,
  mkdir,
  readdir,
  readFile,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Checkpoint, CheckpointError, createCheckpointStore } from "../src/index.js";
import { tempDir } from "./helpers.js";

const checkpoint: Checkpoint = {
  path: "/usr/local/cpanel/logs/access_log",
  dev: 2049,
  ino: 1234567,
  offset: 987654,
  updatedAt: "2024-05-01T10:00:00.000Z",
  headLength: 256,
  headSha256: "a".repeat(64),
};

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CheckpointError);
  return (error as CheckpointError).reason;
}

describe("createCheckpointStore", () => {
  it("saves atomically: one 0600 file of valid JSON, no temp files left, in a 0700 directory", async () => {
    const state = join(await tempDir(), "state");
    const store = createCheckpointStore(state);
    await store.save("access", checkpoint);
    await store.save("access", { ...checkpoint, offset: 1_000_000 });
    expect(await readdir(state)).toEqual(["access.checkpoint.json"]);
    expect((await stat(state)).mode & 0o777).toBe(0o700);
    const file = join(state, "access.checkpoint.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ ...checkpoint, offset: 1_000_000 });
    expect(await store.load("access")).toEqual({ ...checkpoint, offset: 1_000_000 });
  });

  it("loads nothing when there is no checkpoint yet", async () => {
    const store = createCheckpointStore(await tempDir());
    expect(await store.load("error")).toBeUndefined();
  });

  it("keeps only known fields and accepts a checkpoint without a head print", async () => {
    const state = await tempDir();
    const { headLength, headSha256, ...plain } = checkpoint;
    await writeFile(join(state, "login.checkpoint.json"), JSON.stringify({ ...plain, extra: 1 }), {
      mode: 0o600,
    });
    expect(await createCheckpointStore(state).load("login")).toEqual(plain);
  });

  it("refuses content that is not a checkpoint", async () => {
    const state = await tempDir();
    const store = createCheckpointStore(state);
    const file = join(state, "access.checkpoint.json");
    await writeFile(file, "{not json", { mode: 0o600 });
    expect(await problemOf(store.load("access"))).toBe("bad-json");
    await writeFile(file, JSON.stringify({ ...checkpoint, offset: -1 }));
    expect(await problemOf(store.load("access"))).toBe("bad-shape");
    await writeFile(file, JSON.stringify({ ...checkpoint, headSha256: undefined }));
    expect(await problemOf(store.load("access"))).toBe("bad-shape");
    await writeFile(file, " ".repeat(70_000));
    expect(await problemOf(store.load("access"))).toBe("too-large");
  });

  it("refuses a symlink, a foreign owner and an unsafe directory", async () => {
    const dir = await tempDir();
    const state = join(dir, "state");
    const store = createCheckpointStore(state);
    await store.save("access", checkpoint);
    const file = join(state, "access.checkpoint.json");
    await writeFile(join(dir, "elsewhere.json"), JSON.stringify(checkpoint));
    await symlink(join(dir, "elsewhere.json"), join(state, "error.checkpoint.json"));
    expect(await problemOf(store.load("error"))).toBe("symlink");
    await chown(file, 4242, 4242);
    expect(await problemOf(store.load("access"))).toBe("foreign-owner");
    await chmod(state, 0o777);
    expect(await problemOf(store.save("access", checkpoint))).toBe("unsafe-mode");
    await expect(store.load("access")).rejects.toMatchObject({
      message: `${state} has mode 0777; expected 0700. Fix: chmod 0700 ${state}`,
    });
    await chmod(state, 0o750); // no group or other write, but still not the one rule: 0700
    expect(await problemOf(store.load("access"))).toBe("unsafe-mode");
    await symlink(state, join(dir, "linked"));
    expect(await problemOf(createCheckpointStore(join(dir, "linked")).load("access"))).toBe(
      "symlink",
    );
    await chmod(state, 0o700);
    await mkdir(join(state, "session.checkpoint.json"));
    expect(await problemOf(store.load("session"))).toBe("not-a-file");
  });

  it("refuses names that could leave the state directory", async () => {
    const store = createCheckpointStore(await tempDir());
    expect(await problemOf(store.load("../etc/passwd"))).toBe("bad-name");
    expect(await problemOf(store.save("a/b", checkpoint))).toBe("bad-name");
  });

  it("removes temp files a crash left behind, but not one being written", async () => {
    const state = await tempDir();
    const stale = join(state, "access.checkpoint.json.0123456789ab.tmp");
    const fresh = join(state, "access.checkpoint.json.ba9876543210.tmp");
    await writeFile(stale, "{");
    await writeFile(fresh, "{");
    const old = new Date(Date.now() - 3_600_000);
    await utimes(stale, old, old);
    await createCheckpointStore(state).load("access");
    expect(await readdir(state)).toEqual(["access.checkpoint.json.ba9876543210.tmp"]);
  });
});
