import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveDefaults, UserFacingError, writeConfig } from "@spoor/config";
import {
  createFileSpool,
  type SpoolEntry,
  SpoolFileRejectedError,
  type SpoolStore,
} from "@spoor/spool";
import { originalEntry } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spoolList } from "./spool-list.js";
import { spoolPurge } from "./spool-purge.js";
import { spoolRetry } from "./spool-retry.js";
import { spoolShow } from "./spool-show.js";

const ENTRY = {
  id: "00112233445566778899aabbccddeeff",
  ...originalEntry("E1"),
} as SpoolEntry;

let root: string;
let spool: SpoolStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "spoor-plugin-"));
  const defaults = resolveDefaults(root);
  await mkdir(join(root, "etc"));
  await writeConfig(defaults.configPath, {
    followers: {},
    transmission: {
      host: "https://spoor.example.test",
      credentials: { api_identifier: "plugin-id", api_secret: "plugin-secret" },
      reporter: "cp9.example.test",
    },
  });
  const app = defaults.application;
  spool = createFileSpool({
    paths: {
      parsed: app.parsed_entries_path,
      transmitted: app.transmitted_entries_path,
      failed: app.transmission_failed_entries_path,
      quarantine: app.quarantine_path,
    },
  });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("spool services", () => {
  it("show returns the entry and the masked request, with the configured reporter", async () => {
    const [file] = await spool.write([ENTRY]);
    const shown = await spoolShow({ root, name: file!.name });
    expect(shown).toEqual({
      queue: "parsed",
      path: file!.path,
      entry: ENTRY,
      request: {
        method: "POST",
        url: "https://spoor.example.test/api/reports",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          Authorization: "Basic ****",
          "Idempotency-Key": ENTRY.id,
          "User-Agent": "spoor",
        },
        body: JSON.stringify({
          report: {
            entries: [
              {
                type: "forward_added_partial_recipient",
                time: 1549794257,
                mailbox_address: "victim@spoor.test",
                forward_recipient: "dodgy@dodgydomain.test",
                context: "mailbox",
                host: "cp9.example.test",
              },
            ],
            metadata: { reporter: "cp9.example.test" },
          },
        }),
      },
    });
  });

  it("show finds transmitted entries and refuses a symlink planted there", async () => {
    const [file] = await spool.write([ENTRY]);
    await spool.markTransmitted(file!);
    expect((await spoolShow({ root, name: file!.name })).queue).toBe("transmitted");
    const transmitted = resolveDefaults(root).application.transmitted_entries_path;
    const planted = "error.1549794257.1234567.json";
    await symlink("/etc/passwd", join(transmitted, planted));
    await expect(spoolShow({ root, name: planted })).rejects.toBeInstanceOf(SpoolFileRejectedError);
  });

  it("list of each queue; retry of an unknown name is a user-facing error", async () => {
    const [file] = await spool.write([ENTRY]);
    await spool.markFailed(file!, "HTTP 400");
    expect(await spoolList({ root, queue: "parsed" })).toEqual([]);
    expect(await spoolList({ root, queue: "failed" })).toEqual([
      {
        name: file!.name,
        type: "error",
        unixSeconds: 1549794257,
        size: expect.any(Number),
        reason: "HTTP 400",
      },
    ]);
    await expect(
      spoolRetry({ root, name: "error.1.1234567.json", all: false }),
    ).rejects.toBeInstanceOf(UserFacingError);
    await expect(spoolRetry({ root, name: "../../etc/passwd", all: false })).rejects.toBeInstanceOf(
      UserFacingError,
    );
    expect(await spoolRetry({ root, name: file!.name, all: false })).toEqual([file!.name]);
    expect((await spoolList({ root, queue: "parsed" })).map((f) => f.name)).toEqual([file!.name]);
  });

  it("purge needs confirmation and never touches parsed/", async () => {
    const [kept, sent] = await spool.write([
      ENTRY,
      { ...ENTRY, id: "ffeeddccbbaa99887766554433221100" },
    ]);
    await spool.markTransmitted(sent!);
    await expect(
      spoolPurge({ root, queue: "transmitted", confirmed: false }),
    ).rejects.toBeInstanceOf(UserFacingError);
    expect(await spoolPurge({ root, queue: "transmitted", confirmed: true })).toBe(1);
    expect((await spool.list()).map((f) => f.name)).toEqual([kept!.name]);
  });

  it("lists odd files in quarantine/ with their reasons, leaving temp files out", async () => {
    const quarantine = resolveDefaults(root).application.quarantine_path;
    await spool.write([ENTRY]);
    await writeFile(join(quarantine, "weird name"), "x", { mode: 0o600 });
    await writeFile(join(quarantine, "weird name.reason"), "bad-name\n", { mode: 0o600 });
    await writeFile(join(quarantine, ".tmp-abc"), "partial", { mode: 0o600 });
    expect(await spoolList({ root, queue: "quarantine" })).toEqual([
      { name: "weird name", size: 1, reason: "bad-name" },
    ]);
  });
});
