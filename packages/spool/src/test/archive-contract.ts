import { expect, it } from "vitest";
import { openSpool } from "./open-spool.js";
import { entrySize, sampleEntry } from "./sample-entry.js";
import type { MakeSpool } from "./spool-contract-types.js";

const DAY_MS = 86_400_000;

/** Contract tests of moves, requeue, purge, retention and stats. */
export function archiveContract(makeSpool: MakeSpool): void {
  it("moves a transmitted entry out of the queue into transmitted/", async () => {
    const { spool } = await openSpool(makeSpool);
    const entry = sampleEntry("sent");
    const [file] = await spool.write([entry]);
    await spool.markTransmitted(file!);
    expect(await spool.list()).toEqual([]);
    expect(await spool.listTransmitted()).toEqual([
      {
        ...file,
        path: expect.stringMatching(new RegExp(`transmitted/${file!.name}$`)),
        size: entrySize(entry),
      },
    ]);
    await expect(spool.markTransmitted(file!)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("archives an entry spooled and moved twice once (the same line read again after a crash)", async () => {
    const { spool } = await openSpool(makeSpool);
    const entry = sampleEntry("replayed");
    const [first] = await spool.write([entry]);
    await spool.markTransmitted(first!);
    const [again] = await spool.write([entry]);
    expect(again).toEqual(first);
    await spool.markTransmitted(again!);
    expect((await spool.listTransmitted()).map((file) => file.name)).toEqual([first!.name]);
    const [failing] = await spool.write([sampleEntry("refused twice")]);
    await spool.markFailed(failing!, "HTTP 422");
    await spool.write([sampleEntry("refused twice")]);
    await spool.markFailed(failing!, "HTTP 400");
    expect(await spool.listFailed()).toEqual([
      {
        ...failing,
        path: expect.stringMatching(new RegExp(`/${failing!.name}$`)),
        size: expect.any(Number),
        reason: "HTTP 400",
      },
    ]);
    expect(await spool.list()).toEqual([]);
  });

  it("moves a failed entry with a one-line reason, and requeue puts it back", async () => {
    const { spool } = await openSpool(makeSpool);
    const entry = sampleEntry("refused");
    const [file] = await spool.write([entry]);
    await spool.markFailed(file!, "HTTP 422:\n bad\tentry\r\n");
    expect(await spool.list()).toEqual([]);
    expect(await spool.listFailed()).toEqual([
      {
        ...file,
        path: expect.stringMatching(new RegExp(`/${file!.name}$`)),
        size: entrySize(entry),
        reason: "HTTP 422: bad entry",
      },
    ]);
    expect(await spool.requeue(file!.name)).toEqual(file);
    expect(await spool.list()).toEqual([file]);
    expect(await spool.listFailed()).toEqual([]);
    expect(await spool.read(file!)).toEqual(entry);
    await expect(spool.requeue(file!.name)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("quarantines a file with its reason and counts it", async () => {
    const { spool } = await openSpool(makeSpool);
    const [file, kept] = await spool.write([
      sampleEntry("odd", { log_time: 1 }),
      sampleEntry("ok"),
    ]);
    await spool.quarantine(file!, "bad-json");
    expect(await spool.list()).toEqual([kept]);
    expect(await spool.stats()).toEqual({
      queued: 1,
      oldestQueuedUnix: 1555588110,
      transmitted: 0,
      failed: 0,
      quarantined: 1,
      strays: 0,
    });
  });

  it("lists quarantined files by name, with size and a one-line reason", async () => {
    const { spool } = await openSpool(makeSpool);
    expect(await spool.listQuarantined()).toEqual([]);
    const late = sampleEntry("late", { log_time: 20 });
    const early = sampleEntry("early", { log_time: 10 });
    const [lateFile, earlyFile] = await spool.write([late, early]);
    await spool.quarantine(lateFile!, "bad-json:\n not JSON");
    await spool.quarantine(earlyFile!, "foreign-owner");
    const byName = [
      { file: earlyFile!, entry: early, reason: "foreign-owner" },
      { file: lateFile!, entry: late, reason: "bad-json: not JSON" },
    ].sort((a, b) => (a.file.name < b.file.name ? -1 : 1));
    expect(await spool.listQuarantined()).toEqual(
      byName.map(({ file, entry, reason }) => ({
        name: file.name,
        path: expect.stringMatching(new RegExp(`quarantine/${file.name}$`)),
        type: file.type,
        unixSeconds: file.unixSeconds,
        size: entrySize(entry),
        reason,
      })),
    );
  });

  it("reads archived files as they are, and only from the directory named", async () => {
    const { spool } = await openSpool(makeSpool);
    const entries = [sampleEntry("a1"), sampleEntry("a2"), sampleEntry("a3")];
    const [sent, refused, odd] = await spool.write(entries);
    await spool.markTransmitted(sent!);
    await spool.markFailed(refused!, "HTTP 422");
    await spool.quarantine(odd!, "bad-json");
    expect(await spool.readArchived("transmitted", sent!.name)).toEqual(entries[0]);
    expect(await spool.readArchived("failed", refused!.name)).toEqual(entries[1]);
    expect(await spool.readArchived("quarantine", odd!.name)).toEqual(entries[2]);
    await expect(spool.readArchived("failed", sent!.name)).rejects.toMatchObject({
      code: "ENOENT",
    });
    await expect(spool.readArchived("transmitted", `../parsed/${sent!.name}`)).rejects.toThrow(
      TypeError,
    );
  });

  it("counts every directory in stats()", async () => {
    const { spool } = await openSpool(makeSpool);
    expect(await spool.stats()).toEqual({
      queued: 0,
      transmitted: 0,
      failed: 0,
      quarantined: 0,
      strays: 0,
    });
    const files = await spool.write(
      [40, 10, 30, 20, 50].map((log_time) => sampleEntry(`s${log_time}`, { log_time })),
    );
    await spool.markTransmitted(files[1]!);
    await spool.markFailed(files[3]!, "HTTP 400");
    expect(await spool.stats()).toEqual({
      queued: 3,
      oldestQueuedUnix: 30,
      transmitted: 1,
      failed: 1,
      quarantined: 0,
      strays: 0,
    });
  });

  it("purges an archive directory and says how many entries it removed", async () => {
    const { spool } = await openSpool(makeSpool);
    const files = await spool.write([
      sampleEntry("p1"),
      sampleEntry("p2"),
      sampleEntry("p3"),
      sampleEntry("p4"),
    ]);
    await spool.markTransmitted(files[0]!);
    await spool.markTransmitted(files[1]!);
    await spool.markFailed(files[2]!, "HTTP 401");
    await spool.quarantine(files[3]!, "foreign-owner");
    expect(await spool.purge("transmitted")).toBe(2);
    expect(await spool.purge("failed")).toBe(1);
    expect(await spool.purge("quarantine")).toBe(1);
    expect(await spool.stats()).toEqual({
      queued: 0,
      transmitted: 0,
      failed: 0,
      quarantined: 0,
      strays: 0,
    });
    expect(await spool.listFailed()).toEqual([]);
  });

  it("prunes transmitted entries older than the max age, counted from their move", async () => {
    const { spool, clock } = await openSpool(makeSpool, { retention: { maxAgeDays: 1 } });
    const old = sampleEntry("old");
    const [oldFile, newFile, queued] = await spool.write([
      old,
      sampleEntry("new"),
      sampleEntry("q", { log_time: 2 }),
    ]);
    await spool.markTransmitted(oldFile!);
    clock.advance(2 * DAY_MS);
    await spool.markTransmitted(newFile!);
    clock.advance(60_000);
    expect(await spool.prune()).toEqual({ removed: 1, bytesFreed: entrySize(old) });
    expect((await spool.listTransmitted()).map((file) => file.name)).toEqual([newFile!.name]);
    expect(await spool.list()).toEqual([queued]);
    expect(await spool.prune()).toEqual({ removed: 0, bytesFreed: 0 });
  });

  it("prunes the oldest transmitted entries beyond the size cap, never queued ones", async () => {
    const entries = ["b1", "b2", "b3"].map((seed) => sampleEntry(seed));
    const maxBytes = entrySize(entries[1]!) + entrySize(entries[2]!);
    const { spool, clock } = await openSpool(makeSpool, { retention: { maxBytes } });
    const files = await spool.write(entries);
    const [queued] = await spool.write([sampleEntry("stays", { log_time: 3 })]);
    for (const file of files) {
      await spool.markTransmitted(file);
      clock.advance(1000);
    }
    expect(await spool.prune()).toEqual({ removed: 1, bytesFreed: entrySize(entries[0]!) });
    expect((await spool.listTransmitted()).map((file) => file.name).sort()).toEqual(
      [files[1]!.name, files[2]!.name].sort(),
    );
    expect(await spool.list()).toEqual([queued]);
  });
}
