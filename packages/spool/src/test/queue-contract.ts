import { expect, it } from "vitest";
import { suffixForId } from "../spool-file-name.js";
import { SpoolFileRejectedError } from "../spool-file-rejected-error.js";
import { SpoolFullError } from "../spool-full-error.js";
import type { SpoolEntry, SpooledFile } from "../spool-types.js";
import { openSpool } from "./open-spool.js";
import { sampleEntry } from "./sample-entry.js";
import type { MakeSpool } from "./spool-contract-types.js";

/** The file write() returns for `entry` when nothing clashes. */
function expectedFile(entry: SpoolEntry, unixSeconds: number, suffix = suffixForId(entry.id)) {
  const name = `${entry.type}.${unixSeconds}.${suffix}.json`;
  return {
    name,
    path: expect.stringMatching(new RegExp(`/${name.replaceAll(".", "\\.")}$`)),
    type: entry.type,
    unixSeconds,
  };
}

/** Contract tests of write, list and read. */
export function queueContract(makeSpool: MakeSpool): void {
  it("writes an entry as <type>.<log_time>.<7 digits>.json and reads it back exactly", async () => {
    const { spool } = await openSpool(makeSpool);
    const entry = sampleEntry("a", { note: "é ✓ \u0000", nested: { list: [1, null, "x"] } });
    const written = await spool.write([entry]);
    expect(written).toEqual([expectedFile(entry, 1555588110)]);
    expect(written[0]!.name).toMatch(/^login\.1555588110\.1\d{6}\.json$/);
    expect(await spool.list()).toEqual(written);
    expect(await spool.read(written[0]!)).toEqual(entry);
  });

  it("names by the clock when log_time is missing or not a sane integer", async () => {
    const { spool, clock } = await openSpool(makeSpool);
    const seconds = Math.floor(clock.now() / 1000);
    const entries = [undefined, 1.5, -3, "1555588110", 1e12].map((log_time, index) =>
      sampleEntry(`t${index}`, { log_time }),
    );
    const written = await spool.write(entries);
    expect(written.map((file) => file.unixSeconds)).toEqual([
      seconds,
      seconds,
      seconds,
      seconds,
      seconds,
    ]);
  });

  it("returns files in input order and lists them chronologically, then by name", async () => {
    const { spool } = await openSpool(makeSpool);
    const entries = [300, 100, 200, 100, 5].map((log_time, index) =>
      sampleEntry(`order${index}`, { log_time }),
    );
    const first = await spool.write(entries.slice(0, 3));
    const second = await spool.write(entries.slice(3));
    const written = [...first, ...second];
    expect(written.map((file) => file.unixSeconds)).toEqual([300, 100, 200, 100, 5]);
    const expected = [...written].sort(
      (a, b) => a.unixSeconds - b.unixSeconds || (a.name < b.name ? -1 : 1),
    );
    expect(await spool.list()).toEqual(expected);
  });

  it("accepts every entry type of the original, session and the hook", async () => {
    const { spool } = await openSpool(makeSpool);
    const types = ["access", "error", "login", "session", "hook"];
    const written = await spool.write(types.map((type) => sampleEntry(type, { type })));
    expect(written.map((file) => file.type)).toEqual(types);
  });

  it("treats re-writing a queued id as a no-op returning the existing file", async () => {
    const { spool } = await openSpool(makeSpool);
    const entry = sampleEntry("again");
    const [file] = await spool.write([entry]);
    expect(await spool.write([entry, { ...entry }])).toEqual([file, file]);
    expect(await spool.list()).toEqual([file]);
  });

  it("moves a name clash with another id to the next suffix, never overwriting", async () => {
    const { spool } = await openSpool(makeSpool);
    const one = sampleEntry("one", { id: `00000000000a${"0".repeat(20)}` });
    const two = sampleEntry("two", { id: `0000000f424a${"0".repeat(20)}` });
    expect(suffixForId(one.id)).toBe(1000010);
    expect(suffixForId(two.id)).toBe(1000010);
    const written = [...(await spool.write([one])), ...(await spool.write([two]))];
    expect(written).toEqual([
      expectedFile(one, 1555588110, 1000010),
      expectedFile(two, 1555588110, 1000011),
    ]);
    expect(await spool.read(written[0]!)).toEqual(one);
    expect(await spool.read(written[1]!)).toEqual(two);
  });

  it("refuses an entry without id or event or with an unknown type, writing nothing", async () => {
    const { spool } = await openSpool(makeSpool);
    const good = sampleEntry("good");
    for (const bad of [
      { ...good, id: "" },
      { ...good, event: undefined },
      { ...good, type: "foo" },
    ] as SpoolEntry[]) {
      await expect(spool.write([good, bad])).rejects.toThrow(TypeError);
    }
    expect(await spool.list()).toEqual([]);
    expect(await spool.write([])).toEqual([]);
  });

  it("refuses to read a badly named file, and a gone file with ENOENT", async () => {
    const { spool } = await openSpool(makeSpool);
    const bad: SpooledFile = {
      name: "foo.1.2.json",
      path: "foo.1.2.json",
      type: "foo",
      unixSeconds: 1,
    };
    const rejection = await spool.read(bad).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(SpoolFileRejectedError);
    expect((rejection as SpoolFileRejectedError).reason).toBe("bad-name");
    const gone = { name: "login.1.1000000.json", path: "x", type: "login", unixSeconds: 1 };
    await expect(spool.read(gone)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("throws SpoolFullError at the cap and accepts again once the queue drains", async () => {
    const { spool } = await openSpool(makeSpool, { maxQueuedEntries: 3 });
    const files = await spool.write([sampleEntry("c1"), sampleEntry("c2"), sampleEntry("c3")]);
    const full = await spool.write([sampleEntry("c4")]).catch((error: unknown) => error);
    expect(full).toBeInstanceOf(SpoolFullError);
    expect(full).toMatchObject({ queued: 3, maxQueuedEntries: 3 });
    await spool.markTransmitted(files[0]!);
    expect(await spool.write([sampleEntry("c4")])).toHaveLength(1);
    expect((await spool.list()).length).toBe(3);
  });
}
