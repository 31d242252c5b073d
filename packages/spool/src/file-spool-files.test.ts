import { execFileSync } from "node:child_process";
import {
  chown,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempSpoolPaths } from "../test/temp-spool.js";
import { createFileSpool } from "./file-spool.js";
import { SpoolFileRejectedError } from "./spool-file-rejected-error.js";
import type { SpooledFile, SpoolPaths, SpoolStore } from "./spool-types.js";
import { stableId } from "./stable-id.js";
import { sampleEntry } from "./test/index.js";

let paths: SpoolPaths;
let root: string;
let cleanup: () => Promise<void>;
let spool: SpoolStore;

beforeEach(async () => {
  ({ paths, root, cleanup } = await makeTempSpoolPaths());
  spool = createFileSpool({ paths });
});
afterEach(async () => {
  await cleanup();
});

/** A file in parsed/ written by someone else (the Perl original, a stray, an attacker). */
async function plant(name: string, content: string | Buffer): Promise<SpooledFile> {
  const path = join(paths.parsed, name);
  await writeFile(path, content, { mode: 0o600 });
  return { name, path, type: name.split(".")[0]!, unixSeconds: Number(name.split(".")[1]) };
}

async function rejection(file: SpooledFile): Promise<string> {
  const error = await spool.read(file).then(
    () => new Error("read accepted the file"),
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(SpoolFileRejectedError);
  return (error as SpoolFileRejectedError).reason;
}

describe("files the Perl original wrote", () => {
  it("lists and reads them, with a stable id derived from name and content", async () => {
    const content =
      '{"status":"success","scope":"webmaild","credential":"a@b.c","event":"login","type":"login","log_time":1537372956,"context":"mailbox","ip":"10.10.10.10"}';
    const file = await plant("login.1555588110.1234567.json", content);
    await plant("access.1.2.json", '{"type":"access","event":"forward_removed"}');
    expect((await spool.list()).map((listed) => listed.name)).toEqual([
      "access.1.2.json",
      "login.1555588110.1234567.json",
    ]);
    const entry = await spool.read(file);
    expect(entry).toEqual({
      ...JSON.parse(content),
      id: stableId("spool-file", file.name, Buffer.from(content)),
    });
    expect((await spool.read(file)).id).toBe(entry.id);
  });

  it("leaves badly named files alone, reporting them as strays", async () => {
    const names = [
      "error.5.6.foo",
      "error.5.6json",
      "error.56.json",
      "error.5.b.json",
      "error5.6.json",
      "foo.1.2.json",
      "login.a.4.json",
    ];
    for (const name of names) await plant(name, "{}");
    await writeFile(join(paths.parsed, ".tmp-inflight"), "{");
    expect(await spool.list()).toEqual([]);
    expect(await spool.listStrays()).toEqual(
      [...names].sort().map((name) => ({ name, path: join(paths.parsed, name) })),
    );
    expect((await spool.stats()).strays).toBe(7);
    await spool.prune();
    expect((await readdir(paths.parsed)).sort()).toEqual([".tmp-inflight", ...names].sort());
  });
});

describe("read", () => {
  it("refuses a symlink, a foreign owner, a directory, a FIFO and an oversize file", async () => {
    const target = join(root, "target.json");
    await writeFile(target, '{"type":"login","event":"login"}', { mode: 0o600 });
    await symlink(target, join(paths.parsed, "login.1.1000001.json"));
    const foreign = await plant("login.1.1000002.json", '{"type":"login","event":"login"}');
    await chown(foreign.path, 12345, 0);
    await mkdir(join(paths.parsed, "login.1.1000003.json"));
    execFileSync("mkfifo", ["-m", "0600", join(paths.parsed, "login.1.1000004.json")]);
    await plant("login.1.1000005.json", `{"event":"login","pad":"${"x".repeat(1024 * 1024)}"}`);
    const files = await spool.list();
    const reasons = await Promise.all(files.map(rejection));
    expect(reasons).toEqual(["symlink", "foreign-owner", "not-a-file", "not-a-file", "too-large"]);
    for (const [index, file] of files.entries()) await spool.quarantine(file, reasons[index]!);
    expect(await readdir(paths.parsed)).toEqual([]);
    expect((await spool.stats()).quarantined).toBe(5);
    expect((await lstat(join(paths.quarantine, "login.1.1000003.json"))).isDirectory()).toBe(true);
  });

  it("refuses empty, half-written and non-entry JSON as bad-json", async () => {
    const contents = ["", '{"type":"login","ev', "[1,2]", "null", '{"type":"login"}'];
    for (const [index, content] of contents.entries()) {
      await plant(`login.2.100000${index}.json`, content);
    }
    const reasons = await Promise.all((await spool.list()).map(rejection));
    expect(reasons).toEqual(["bad-json", "bad-json", "bad-json", "bad-json", "bad-json"]);
  });

  it("quarantines rejected files, links as links, with the reason beside them", async () => {
    const target = join(root, "target.json");
    await writeFile(target, "{}");
    await symlink(target, join(paths.parsed, "login.1.1000001.json"));
    await plant("login.1.1000002.json", "{");
    for (const file of await spool.list()) await spool.quarantine(file, await rejection(file));
    expect(await spool.list()).toEqual([]);
    expect((await readdir(paths.quarantine)).sort()).toEqual([
      "login.1.1000001.json",
      "login.1.1000001.json.reason",
      "login.1.1000002.json",
      "login.1.1000002.json.reason",
    ]);
    expect(await readlink(join(paths.quarantine, "login.1.1000001.json"))).toBe(target);
    expect(await readFile(join(paths.quarantine, "login.1.1000002.json.reason"), "utf8")).toBe(
      "bad-json\n",
    );
    expect((await spool.stats()).quarantined).toBe(2);
  });
});

describe("write", () => {
  it("stores compact JSON without a trailing newline, as the original did", async () => {
    const entry = sampleEntry("compact");
    const [file] = await spool.write([entry]);
    expect(await readFile(file!.path, "utf8")).toBe(JSON.stringify(entry));
  });

  it("never overwrites: an unreadable or foreign file under the name moves the entry on", async () => {
    const entry = sampleEntry("blocked", { id: `00000000000a${"0".repeat(20)}` });
    const squatter = await plant("login.1555588110.1000010.json", "{}");
    await chown(squatter.path, 12345, 0);
    const [file] = await spool.write([entry]);
    expect(file!.name).toBe("login.1555588110.1000011.json");
    expect((await stat(squatter.path)).uid).toBe(12345);
    expect(await readFile(squatter.path, "utf8")).toBe("{}");
  });

  it("is idempotent across spool instances writing the same entries at once", async () => {
    const other = createFileSpool({ paths });
    const entries = Array.from({ length: 40 }, (_, index) => sampleEntry(`both${index}`));
    const [mine, theirs] = await Promise.all([spool.write(entries), other.write(entries)]);
    expect(theirs).toEqual(mine);
    expect((await spool.list()).length).toBe(40);
  });

  it("lets concurrent readers see only complete files", async () => {
    const entries = Array.from({ length: 300 }, (_, index) => sampleEntry(`seen${index}`));
    const reader = createFileSpool({ paths });
    const seen = new Set<string>();
    // One bounded read round runs while each batch is written: every file a round lists is
    // read once, the first time it is listed, so the work stays linear however slow the
    // machine is, and each file is read as soon as a writer could have exposed it.
    const round = async (): Promise<void> => {
      for (const file of await reader.list()) {
        if (seen.has(file.name)) continue;
        expect((await reader.read(file)).event).toBe("login");
        seen.add(file.name);
      }
    };
    for (let start = 0; start < entries.length; start += 10) {
      await Promise.all([spool.write(entries.slice(start, start + 10)), round()]);
    }
    await round();
    expect(seen.size).toBe(300);
    expect((await reader.list()).length).toBe(300);
  });

  it("sees the queue drained by another process once it hits the cap", async () => {
    const limited = createFileSpool({ paths, maxQueuedEntries: 2 });
    const files = await limited.write([sampleEntry("q1"), sampleEntry("q2")]);
    await expect(limited.write([sampleEntry("q3")])).rejects.toThrow(/spool full/);
    await createFileSpool({ paths }).markTransmitted(files[0]!);
    const deadline = Date.now() + 10_000;
    let written: SpooledFile[] | undefined;
    while (written === undefined && Date.now() < deadline) {
      written = await limited.write([sampleEntry("q3")]).catch(() => undefined);
    }
    expect(written).toHaveLength(1);
  });
});

describe("moves", () => {
  it("writes the failure reason as a 0600 one-line file beside the entry", async () => {
    const [file] = await spool.write([sampleEntry("failing")]);
    await spool.markFailed(file!, "HTTP 401: bad credentials\nfor user");
    const reasonPath = join(paths.failed, `${file!.name}.reason`);
    expect(await readFile(reasonPath, "utf8")).toBe("HTTP 401: bad credentials for user\n");
    expect((await stat(reasonPath)).mode & 0o7777).toBe(0o600);
  });

  it("requeues under the next suffix when the name is taken again", async () => {
    const entry = sampleEntry("twice");
    const [file] = await spool.write([entry]);
    await spool.markFailed(file!, "HTTP 400");
    await spool.write([entry]);
    const requeued = await spool.requeue(file!.name);
    expect(requeued.name).not.toBe(file!.name);
    expect((await spool.list()).map((listed) => listed.name).sort()).toEqual(
      [file!.name, requeued.name].sort(),
    );
    expect(await readdir(paths.failed)).toEqual([]);
  });

  it("removes only temp files abandoned over an hour ago when pruning", async () => {
    const stale = join(paths.parsed, ".tmp-stale");
    const fresh = join(paths.transmitted, ".tmp-fresh");
    await writeFile(stale, "{");
    await writeFile(fresh, "{");
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    await spool.prune();
    await expect(lstat(stale)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await lstat(fresh)).isFile()).toBe(true);
  });
});

describe("archived files", () => {
  it("lists odd files in quarantine/ with their reasons, leaving temp files out", async () => {
    await writeFile(join(paths.quarantine, "weird name"), "x", { mode: 0o600 });
    await writeFile(join(paths.quarantine, "weird name.reason"), "bad-name\nmore\n", {
      mode: 0o600,
    });
    await mkdir(join(paths.quarantine, "login.5.1000001.json"));
    await writeFile(join(paths.quarantine, ".tmp-abc"), "partial", { mode: 0o600 });
    expect(await spool.listQuarantined()).toEqual([
      {
        name: "login.5.1000001.json",
        path: join(paths.quarantine, "login.5.1000001.json"),
        type: "login",
        unixSeconds: 5,
        size: expect.any(Number),
      },
      {
        name: "weird name",
        path: join(paths.quarantine, "weird name"),
        size: 1,
        reason: "bad-name",
      },
    ]);
  });

  it("reads them with read()'s precautions: symlink, foreign owner, directory, size, JSON", async () => {
    const target = join(root, "target.json");
    await writeFile(target, '{"type":"login","event":"login"}', { mode: 0o600 });
    await symlink(target, join(paths.transmitted, "login.1.1000001.json"));
    const foreign = join(paths.failed, "login.1.1000002.json");
    await writeFile(foreign, '{"type":"login","event":"login"}', { mode: 0o600 });
    await chown(foreign, 12345, 0);
    await mkdir(join(paths.quarantine, "login.1.1000003.json"));
    await writeFile(join(paths.quarantine, "big"), `"${"x".repeat(1024 * 1024)}"`, { mode: 0o600 });
    await writeFile(join(paths.quarantine, "half"), '{"type":', { mode: 0o600 });
    await writeFile(join(paths.quarantine, "odd"), "[1,2]", { mode: 0o600 });
    const reasonOf = (which: "transmitted" | "failed" | "quarantine", name: string) =>
      spool.readArchived(which, name).then(
        () => "accepted",
        (error: unknown) => (error as SpoolFileRejectedError).reason,
      );
    expect([
      await reasonOf("transmitted", "login.1.1000001.json"),
      await reasonOf("failed", "login.1.1000002.json"),
      await reasonOf("quarantine", "login.1.1000003.json"),
      await reasonOf("quarantine", "big"),
      await reasonOf("quarantine", "half"),
    ]).toEqual(["symlink", "foreign-owner", "not-a-file", "too-large", "bad-json"]);
    expect(await spool.readArchived("quarantine", "odd")).toEqual([1, 2]);
  });
});
