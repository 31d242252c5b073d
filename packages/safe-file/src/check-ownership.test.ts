import { chmod, chown, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOwnership } from "./check-ownership.js";

const uid = process.geteuid!();

import { useTempDir } from "../test/temp-dir.js";

const tempDir = useTempDir("spoor-ownership-");

async function file(name: string, mode: number): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, "x");
  await chmod(path, mode);
  return path;
}

describe("checkOwnership", () => {
  it("passes a file owned by the running user with the exact mode", async () => {
    const path = await file("ok.yml", 0o600);
    expect(checkOwnership(path, { kind: "file", mode: 0o600 })).toBeUndefined();
  });

  it("names the mode found, the mode expected and the chmod that fixes it", async () => {
    const path = await file("wide.yml", 0o644);
    expect(checkOwnership(path, { kind: "file", mode: 0o600 })).toEqual({
      path,
      kinds: ["mode"],
      found: "mode 0644",
      expected: "mode 0600",
      problem: `${path} has mode 0644; expected 0600.`,
      fix: `chmod 0600 ${path}`,
    });
  });

  it("refuses a narrower mode too, as the original's exact comparison did", async () => {
    const path = await file("narrow.yml", 0o400);
    expect(checkOwnership(path, { kind: "file", mode: 0o600 })?.fix).toBe(`chmod 0600 ${path}`);
  });

  it("names a foreign owner and the chown that fixes it", async () => {
    const path = await file("foreign.yml", 0o600);
    await chown(path, 12345, 0);
    expect(checkOwnership(path, { kind: "file", mode: 0o600 })).toEqual({
      path,
      kinds: ["owner"],
      found: "owner uid 12345",
      expected: `owner uid ${uid}`,
      problem: `${path} is owned by uid 12345; expected uid ${uid} (the user spoor runs as).`,
      fix: `chown ${uid} ${path}`,
    });
  });

  it("combines a wrong owner and a wrong mode into one fix", async () => {
    const sub = join(tempDir(), "spool dir");
    await mkdir(sub, { mode: 0o755 });
    await chmod(sub, 0o755);
    await chown(sub, 12345, 0);
    expect(checkOwnership(sub, { kind: "directory", mode: 0o700 })).toEqual({
      path: sub,
      kinds: ["owner", "mode"],
      found: "owner uid 12345, mode 0755",
      expected: `owner uid ${uid}, mode 0700`,
      problem: `${sub} is owned by uid 12345 and has mode 0755; expected uid ${uid} (the user spoor runs as) and mode 0700.`,
      fix: `chown ${uid} '${sub}' && chmod 0700 '${sub}'`,
    });
  });

  it("checks against an explicit uid", async () => {
    const path = await file("mine.yml", 0o600);
    expect(checkOwnership(path, { kind: "file", mode: 0o600, uid: 4242 })?.kinds).toEqual([
      "owner",
    ]);
  });

  it("refuses a symbolic link even to a correct file", async () => {
    const target = await file("target.yml", 0o600);
    const link = join(tempDir(), "link.yml");
    await symlink(target, link);
    expect(checkOwnership(link, { kind: "file", mode: 0o600 })).toEqual({
      path: link,
      kinds: ["symlink"],
      found: "a symbolic link",
      expected: "a regular file",
      problem: `${link} is a symbolic link; expected a regular file (links are refused).`,
      fix: `cp -a --remove-destination "$(readlink -f ${link})" ${link}`,
    });
  });

  it("reports a missing directory with the mkdir that creates it", () => {
    const missing = join(tempDir(), "nope");
    expect(checkOwnership(missing, { kind: "directory", mode: 0o700 })).toEqual({
      path: missing,
      kinds: ["missing"],
      found: "nothing",
      expected: "a directory",
      problem: `${missing} does not exist.`,
      fix: `mkdir -m 0700 ${missing}`,
    });
  });

  it("reports a file where a directory is expected", async () => {
    const path = await file("not-a-tempDir()", 0o700);
    expect(checkOwnership(path, { kind: "directory", mode: 0o700 })).toMatchObject({
      kinds: ["wrong-type"],
      found: "not a directory",
      expected: "a directory",
    });
  });

  it.each([
    ["/tmp", "a system directory"],
    ["/", "a system directory"],
    ["/etc", "a system directory"],
  ])("never suggests changing %s: it says to move spoor's files", (path, reason) => {
    const problem = checkOwnership(path, { kind: "directory", mode: 0o700 });
    expect(problem?.kinds).toContain("mode");
    expect(problem?.fix).toBe(
      `leave ${path} as it is (${reason}, not spoor's); keep spoor's files in a directory of their own instead (mode 0700, owned by the user spoor runs as, like /etc/spoor)`,
    );
    expect(problem?.fix).not.toMatch(/chmod|chown/);
  });

  it("never suggests changing a sticky directory shared by every user", async () => {
    const shared = join(tempDir(), "shared");
    await mkdir(shared);
    await chmod(shared, 0o1777);
    expect(checkOwnership(shared, { kind: "directory", mode: 0o700 })?.fix).toBe(
      `leave ${shared} as it is (shared by every user: sticky bit, not spoor's); keep spoor's files in a directory of their own instead (mode 0700, owned by the user spoor runs as, like /etc/spoor)`,
    );
  });

  it("never suggests changing a home directory", async () => {
    const home = join(tempDir(), "home");
    await mkdir(home, { mode: 0o755 });
    await chmod(home, 0o755);
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      const problem = checkOwnership(home, { kind: "directory", mode: 0o700 });
      expect(problem?.fix).toMatch(
        /^leave .* \(a home directory, not spoor's\); keep spoor's files/,
      );
    } finally {
      process.env.HOME = saved;
    }
  });

  it("says to run as root, not to chown root's files, for a user other than root", async () => {
    const path = await file("roots.yml", 0o600);
    expect(checkOwnership(path, { kind: "file", mode: 0o600, uid: 65534 })?.fix).toBe(
      `run spoor as root (e.g. with sudo): ${path} belongs to root`,
    );
    await chown(path, 12345, 0);
    expect(checkOwnership(path, { kind: "file", mode: 0o600, uid: 65534 })?.fix).toBe(
      `run spoor as uid 12345 (the owner of ${path}) or as root`,
    );
  });
});
