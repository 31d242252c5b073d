import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { ACCESS_SAMPLES } from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const CORPUS = fileURLToPath(new URL("../../../fixtures/cpanel-v120/access_log", import.meta.url));
const A1 = ACCESS_SAMPLES[0]!;
const R1 = ACCESS_SAMPLES[5]!;

let root: TempRoot;
let archive: string;
let lineCount: number;

beforeAll(async () => {
  root = await makeTempRoot();
  const corpus = (await readFile(CORPUS, "latin1")).split("\n").filter((line) => line !== "");
  const half = Math.floor(corpus.length / 2);
  const first = [...corpus.slice(0, half), A1.line];
  const second = [R1.line, ...corpus.slice(half), A1.line];
  lineCount = first.length + second.length;
  const member = (lines: string[]) =>
    gzipSync(Buffer.from(lines.map((l) => `${l}\n`).join(""), "latin1"));
  const archiveDir = join(root.root, "usr/local/cpanel/logs/archive");
  await mkdir(archiveDir, { recursive: true });
  archive = join(archiveDir, "access_log-05-2024.gz");
  await writeFile(archive, Buffer.concat([member(first), member(second)]));
});

afterAll(async () => {
  await root?.remove();
});

async function spooled(): Promise<Array<{ name: string; entry: Record<string, unknown> }>> {
  const names = (await readdir(root.parsedPath)).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      entry: JSON.parse(await readFile(join(root.parsedPath, name), "utf8")),
    })),
  );
}

describe("spoor backfill", () => {
  it("spools the interesting lines of every gzip member, with stable ids, and says what it did", async () => {
    const result = await runCli(["backfill", "access", archive, "--root", root.root]);
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: `${archive}: scanned ${lineCount} lines, spooled 3 entries into ${root.parsedPath} (entries already queued are not duplicated)\n`,
    });
    const files = await spooled();
    const withoutIds = files.map(({ entry: { id: _, ...rest } }) => rest);
    expect(withoutIds).toEqual(expect.arrayContaining([A1.entry, R1.entry]));
    expect(withoutIds.filter((entry) => entry.event === "forward_added_partial_ip")).toEqual([
      A1.entry,
      A1.entry,
    ]);
    const ids = files.map(({ entry }) => entry.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it("adds nothing when run again on the same archive", async () => {
    const before = await spooled();
    const result = await runCli(["backfill", "access", archive, "--root", root.root]);
    expect(result.code).toBe(0);
    expect(await spooled()).toEqual(before);
  });

  it("reads a plain (not compressed) rotated file too", async () => {
    const plain = join(root.root, "session_log.1");
    await writeFile(plain, `${A1.line}\n`);
    const other = await makeTempRoot();
    try {
      const result = await runCli(["backfill", "access", plain, "--config", other.configPath]);
      expect(result).toEqual({
        code: 0,
        stderr: "",
        stdout: `${plain}: scanned 1 lines, spooled 1 entries into ${other.parsedPath} (entries already queued are not duplicated)\n`,
      });
    } finally {
      await other.remove();
    }
  });

  it("refuses corrupt gzip data with one line and exit 2", async () => {
    const corrupt = join(root.root, "corrupt.gz");
    const good = gzipSync(Buffer.from(`${A1.line}\n`));
    good.fill(0x55, 12, 30);
    await writeFile(corrupt, good);
    const result = await runCli(["backfill", "access", corrupt, "--root", root.root]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      new RegExp(`^Error: cannot read ${corrupt}: corrupt gzip data \\(.+\\)\\n$`),
    );
  });

  it("refuses a missing archive and an unknown type with exit 2", async () => {
    const missing = join(root.root, "nope.gz");
    expect(await runCli(["backfill", "access", missing, "--root", root.root])).toEqual({
      code: 2,
      stdout: "",
      stderr: `Error: cannot read ${missing}: no such file\n`,
    });
    expect(await runCli(["backfill", "mail", archive, "--root", root.root])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'Error: unknown log type "mail" (expected one of: access, error, login, session)\n',
    });
  });
});
