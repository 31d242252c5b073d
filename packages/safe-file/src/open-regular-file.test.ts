import { execFileSync } from "node:child_process";
import { chown, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openRegularFile, openRegularFileSync } from "./open-regular-file.js";
import { readBounded, readRegularFileSync } from "./read-bounded.js";
import { RefusedFileError } from "./refused-file-error.js";

const uid = process.geteuid!();

import { useTempDir } from "../test/temp-dir.js";

const tempDir = useTempDir("spoor-open-");

async function reasonOf(action: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof RefusedFileError) return error.reason;
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
  return "accepted";
}

describe("openRegularFile and openRegularFileSync", () => {
  it("open a regular file owned as expected and return its fstat", async () => {
    const path = join(tempDir(), "ok");
    await writeFile(path, "hello");
    const { handle, stats } = await openRegularFile(path, { owner: uid });
    try {
      expect([stats.size, stats.uid]).toEqual([5, uid]);
      expect((await readBounded(handle, 5))?.toString()).toBe("hello");
    } finally {
      await handle.close();
    }
    const opened = openRegularFileSync(path, { owner: uid });
    expect(opened.stats.size).toBe(5);
  });

  it("refuse a symlink, a directory, a FIFO and a foreign owner; let ENOENT through", async () => {
    const target = join(tempDir(), "target");
    await writeFile(target, "x");
    await symlink(target, join(tempDir(), "link"));
    await mkdir(join(tempDir(), "tempDir()"));
    execFileSync("mkfifo", [join(tempDir(), "fifo")]);
    await writeFile(join(tempDir(), "foreign"), "x");
    await chown(join(tempDir(), "foreign"), 4242, 4242);
    const names = ["link", "tempDir()", "fifo", "foreign", "missing"];
    const expected = ["symlink", "not-a-file", "not-a-file", "foreign-owner", "ENOENT"];
    const asyncReasons = [];
    const syncReasons = [];
    for (const name of names) {
      const path = join(tempDir(), name);
      asyncReasons.push(
        await reasonOf(async () => (await openRegularFile(path, { owner: uid })).handle.close()),
      );
      syncReasons.push(await reasonOf(() => openRegularFileSync(path, { owner: uid })));
    }
    expect(asyncReasons).toEqual(expected);
    expect(syncReasons).toEqual(expected);
    expect(await reasonOf(() => openRegularFileSync(join(tempDir(), "foreign")))).toBe("accepted");
  });
});

describe("readBounded and readRegularFileSync", () => {
  it("read up to the limit and refuse a larger file", async () => {
    const path = join(tempDir(), "data");
    await writeFile(path, "x".repeat(100));
    const { handle } = await openRegularFile(path);
    try {
      expect((await readBounded(handle, 100))?.length).toBe(100);
      expect(await readBounded(handle, 99)).toBeUndefined();
    } finally {
      await handle.close();
    }
    expect(readRegularFileSync(path, { maxBytes: 100 }).toString()).toBe("x".repeat(100));
    expect(await reasonOf(() => readRegularFileSync(path, { maxBytes: 99 }))).toBe("too-large");
    await writeFile(path, "");
    expect(readRegularFileSync(path, { maxBytes: 10 }).length).toBe(0);
  });
});
