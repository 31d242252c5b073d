import { link, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempSpoolPaths } from "../test/temp-spool.js";
import { createFileSpool } from "./file-spool.js";
import type { SpoolPaths, SpoolStore } from "./spool-types.js";
import { sampleEntry } from "./test/index.js";

let paths: SpoolPaths;
let cleanup: () => Promise<void>;
let spool: SpoolStore;

beforeEach(async () => {
  ({ paths, cleanup } = await makeTempSpoolPaths());
  spool = createFileSpool({ paths });
});
afterEach(async () => {
  await cleanup();
});

const names = async (directory: string): Promise<string[]> => (await readdir(directory)).sort();

describe("moving a file whose name is taken in the target", () => {
  it("finishes a move interrupted between link and unlink (one copy in transmitted/)", async () => {
    const [file] = await spool.write([sampleEntry("interrupted")]);
    await link(file!.path, join(paths.transmitted, file!.name)); // the crash: linked, not unlinked
    await spool.markTransmitted(file!);
    expect({
      parsed: await names(paths.parsed),
      transmitted: await names(paths.transmitted),
    }).toEqual({ parsed: [], transmitted: [file!.name] });
    expect(await spool.stats()).toEqual({
      queued: 0,
      transmitted: 1,
      failed: 0,
      quarantined: 0,
      strays: 0,
    });
  });

  it("keeps a different file under the name and moves to the next suffix", async () => {
    const [file] = await spool.write([sampleEntry("clash", { log_time: 1_600_000_000 })]);
    await writeFile(join(paths.transmitted, file!.name), '{"other":1}', { mode: 0o600 });
    await spool.markTransmitted(file!);
    const suffix = Number(file!.name.split(".")[2]);
    const next = `login.1600000000.${suffix + 1}.json`;
    expect(await names(paths.transmitted)).toEqual([file!.name, next].sort());
    expect(await readFile(join(paths.transmitted, file!.name), "utf8")).toBe('{"other":1}');
    expect(await names(paths.parsed)).toEqual([]);
  });

  it("quarantines identical files side by side (quarantine keeps every file it is given)", async () => {
    const name = "login.1.1000001.json";
    await writeFile(join(paths.quarantine, name), "{", { mode: 0o600 });
    await writeFile(join(paths.parsed, name), "{", { mode: 0o600 });
    await spool.quarantine({ name }, "bad-json");
    expect(await names(paths.quarantine)).toEqual([
      name,
      "login.1.1000002.json",
      "login.1.1000002.json.reason",
    ]);
  });
});
