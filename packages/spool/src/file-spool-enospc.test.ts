import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileSpool } from "./file-spool.js";
import type { SpoolEntry } from "./spool-types.js";
import { sampleEntry } from "./test/index.js";

// A real full filesystem: a 64 KiB tmpfs mounted for this test (the tests run as root).
let mountPoint: string;

beforeEach(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), "spoor-enospc-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", mountPoint]);
});
afterEach(async () => {
  execFileSync("umount", [mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
});

describe("a full filesystem", () => {
  it("surfaces ENOSPC and leaves no temp or partial file visible", async () => {
    const spool = createFileSpool({
      paths: {
        parsed: join(mountPoint, "parsed"),
        transmitted: join(mountPoint, "transmitted"),
        failed: join(mountPoint, "failed"),
        quarantine: join(mountPoint, "quarantine"),
      },
    });
    const written: string[] = [];
    let failure: NodeJS.ErrnoException | undefined;
    for (let index = 0; index < 100 && failure === undefined; index++) {
      const batch: SpoolEntry[] = [0, 1, 2].map((part) =>
        sampleEntry(`big${index}.${part}`, { padding: "x".repeat(3000) }),
      );
      try {
        written.push(...(await spool.write(batch)).map((file) => file.name));
      } catch (error) {
        failure = error as NodeJS.ErrnoException;
      }
    }
    expect(failure?.code).toBe("ENOSPC");
    const names = await readdir(join(mountPoint, "parsed"));
    expect(names.filter((name) => name.startsWith("."))).toEqual([]);
    const listed = await spool.list();
    expect(listed.length).toBeGreaterThanOrEqual(written.length);
    for (const file of listed) expect((await spool.read(file)).padding).toBe("x".repeat(3000));
    expect(listed.map((file) => file.name)).toEqual(expect.arrayContaining(written));
  });
});
