import { chmod, chown, mkdir, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOwnedDirectory, ensureOwnedDirectory } from "./owned-directory.js";

const uid = process.geteuid!();

import { useTempDir } from "../test/temp-dir.js";

const tempDir = useTempDir("spoor-owned-");

describe("ensureOwnedDirectory", () => {
  it("creates a missing directory and its parents with mode 0700, even under a narrowing umask", async () => {
    process.umask(0o277);
    const path = join(tempDir(), "a", "b", "parsed");
    expect(ensureOwnedDirectory(path)).toBeUndefined();
    expect((await stat(path)).mode & 0o7777).toBe(0o700);
    expect((await stat(join(tempDir(), "a"))).mode & 0o077).toBe(0);
  });

  it("never changes an existing directory, and says what is wrong with it", async () => {
    const path = join(tempDir(), "failed");
    await mkdir(path);
    await chmod(path, 0o750);
    expect(ensureOwnedDirectory(path, uid)).toMatchObject({
      problem: `${path} has mode 0750; expected 0700.`,
      fix: `chmod 0700 ${path}`,
    });
    expect((await stat(path)).mode & 0o7777).toBe(0o750);
  });
});

describe("checkOwnedDirectory: the one rule, exactly 0700", () => {
  it("accepts 0700 and refuses every other mode, narrower and set-id ones too", async () => {
    const path = join(tempDir(), "state");
    await mkdir(path);
    for (const [mode, accepted] of [
      [0o700, true],
      [0o755, false],
      [0o770, false],
      [0o500, false],
      [0o1700, false],
      [0o2700, false],
    ] as const) {
      await chmod(path, mode);
      expect([mode.toString(8), checkOwnedDirectory(path) === undefined]).toEqual([
        mode.toString(8),
        accepted,
      ]);
    }
  });

  it("refuses a foreign owner with the chown that fixes it", async () => {
    const path = join(tempDir(), "transmitted");
    await mkdir(path, { mode: 0o700 });
    await chown(path, 12345, 0);
    expect(checkOwnedDirectory(path, uid)).toMatchObject({
      kinds: ["owner"],
      problem: `${path} is owned by uid 12345; expected uid ${uid} (the user spoor runs as).`,
      fix: `chown ${uid} ${path}`,
    });
  });

  it("refuses a symbolic link to a good directory, with a fix that replaces the link", async () => {
    const real = join(tempDir(), "elsewhere");
    await mkdir(real, { mode: 0o700 });
    const link = join(tempDir(), "parsed");
    await symlink(real, link);
    expect(ensureOwnedDirectory(link)).toEqual({
      path: link,
      kinds: ["symlink"],
      found: "a symbolic link",
      expected: "a directory",
      problem: `${link} is a symbolic link; expected a directory (links are refused).`,
      fix: `rm ${link} && mkdir -m 0700 ${link}`,
    });
  });

  it("refuses a file where the directory should be, with a fix that moves it aside", async () => {
    const path = join(tempDir(), "quarantine");
    await writeFile(path, "");
    expect(ensureOwnedDirectory(path)).toMatchObject({
      kinds: ["wrong-type"],
      problem: `${path} is not a directory; expected a directory.`,
      fix: `mv ${path} ${path}.bak && mkdir -m 0700 ${path}`,
    });
  });
});
