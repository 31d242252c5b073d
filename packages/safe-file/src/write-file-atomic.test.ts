import { mkdir, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../test/temp-dir.js";
import { syncDirectory, syncFile } from "./sync-directory.js";
import { writeFileAtomic } from "./write-file-atomic.js";
import { writeTempFile } from "./write-temp-file.js";

const tempDir = useTempDir("spoor-atomic-");

describe("writeFileAtomic", () => {
  it("replaces the file with mode 0600 whatever the umask and leaves no temp file", async () => {
    const path = join(tempDir(), "spoor.yml");
    for (const mask of [0, 0o022, 0o277]) {
      process.umask(mask);
      await writeFileAtomic(path, `umask ${mask}\n`);
      expect((await stat(path)).mode & 0o7777).toBe(0o600);
      expect(await readFile(path, "utf8")).toBe(`umask ${mask}\n`);
    }
    expect(await readdir(tempDir())).toEqual(["spoor.yml"]);
  });

  it("gives the exact mode and owner asked for, and names its temp file as told", async () => {
    const path = join(tempDir(), "unit");
    await writeFileAtomic(path, Buffer.from("x"), { mode: 0o644, uid: 4242, gid: 4343 });
    const stats = await stat(path);
    expect([stats.mode & 0o7777, stats.uid, stats.gid]).toEqual([0o644, 4242, 4343]);
    const seen: string[] = [];
    await writeFileAtomic(path, "y", {
      tempName: (name, tag) => {
        seen.push(`${name}.${tag.length}`);
        return `${name}.${tag}.tmp`;
      },
    });
    expect(seen).toEqual(["unit.12"]);
    expect(await readFile(path, "utf8")).toBe("y");
  });

  it("replaces a symbolic link itself, never writing through it", async () => {
    const target = join(tempDir(), "target");
    await writeFile(target, "keep");
    const path = join(tempDir(), "link");
    await symlink(target, path);
    await writeFileAtomic(path, "new");
    expect(await readFile(target, "utf8")).toBe("keep");
    expect((await stat(path)).isFile()).toBe(true);
  });

  it("removes its temp file when the rename fails", async () => {
    const path = join(tempDir(), "occupied");
    await mkdir(path);
    await writeFile(join(path, "inside"), "");
    await expect(writeFileAtomic(path, "no")).rejects.toMatchObject({ code: "EISDIR" });
    expect(await readdir(tempDir())).toEqual(["occupied"]);
  });
});

describe("writeTempFile", () => {
  it("refuses an existing name, even a dangling symbolic link, and leaves it alone", async () => {
    const path = join(tempDir(), ".tmp-1");
    await symlink(join(tempDir(), "nowhere"), path);
    await expect(writeTempFile(path, "x")).rejects.toMatchObject({ code: "EEXIST" });
    expect(await readdir(tempDir())).toEqual([".tmp-1"]);
  });

  it("chowns before it chmods, so a set-id mode survives", async () => {
    const path = join(tempDir(), "hook");
    await writeTempFile(path, "#!/bin/sh\n", { mode: 0o4755, uid: 0, gid: 0, flush: "data" });
    expect((await stat(path)).mode & 0o7777).toBe(0o4755);
  });
});

describe("syncDirectory and syncFile", () => {
  it("fsync a directory and a file, and reject with the fs error otherwise", async () => {
    await writeFile(join(tempDir(), "f"), "x");
    await expect(syncDirectory(tempDir())).resolves.toBeUndefined();
    await expect(syncFile(join(tempDir(), "f"))).resolves.toBeUndefined();
    await expect(syncDirectory(join(tempDir(), "missing"))).rejects.toMatchObject({
      code: "ENOENT",
    });
    await expect(syncDirectory(join(tempDir(), "f"))).rejects.toMatchObject({ code: "ENOTDIR" });
    await symlink(join(tempDir(), "f"), join(tempDir(), "l"));
    await expect(syncFile(join(tempDir(), "l"))).rejects.toMatchObject({ code: "ELOOP" });
  });
});
