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
      stdout: `${archive}: scanned ${lineCount} lines; 3 entries added, 0 already spooled in ${root.parsedPath}\n`,
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

  it("adds nothing when run again on the same archive, and says so", async () => {
    const before = await spooled();
    const result = await runCli(["backfill", "access", archive, "--root", root.root]);
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: `${archive}: scanned ${lineCount} lines; 0 entries added, 3 already spooled in ${root.parsedPath}\n`,
    });
    expect(await spooled()).toEqual(before);
  });

  it("takes several files and quoted patterns in one call, with a total", async () => {
    const other = await makeTempRoot();
    const dir = join(other.root, "archive");
    await mkdir(dir);
    await writeFile(join(dir, "access_log-01-2024"), `${A1.line}\n`);
    await writeFile(join(dir, "access_log-02-2024"), `${R1.line}\nnoise\n`);
    await writeFile(join(dir, "error_log-01-2024"), `${A1.line}\n`);
    try {
      const args = ["backfill", "access", join(dir, "access_log-0?-2024"), archive];
      const result = await runCli([...args, "--config", other.configPath]);
      expect(result).toEqual({
        code: 0,
        stderr: "",
        stdout: [
          `${join(dir, "access_log-01-2024")}: scanned 1 line; 1 entry added, 0 already spooled in ${other.parsedPath}`,
          `${join(dir, "access_log-02-2024")}: scanned 2 lines; 1 entry added, 0 already spooled in ${other.parsedPath}`,
          `${archive}: scanned ${lineCount} lines; 3 entries added, 0 already spooled in ${other.parsedPath}`,
          "3 files: 5 entries added, 0 already spooled",
          "",
        ].join("\n"),
      });
      const none = await runCli([
        "backfill",
        "access",
        join(dir, "nothing-*"),
        "--config",
        other.configPath,
      ]);
      expect(none).toEqual({
        code: 2,
        stdout: "",
        stderr: `Error: no file matches ${join(dir, "nothing-*")}\n`,
      });
    } finally {
      await other.remove();
    }
  });

  it("says when a file holds no line of TYPE at all, and exits 1 with --strict", async () => {
    const other = await makeTempRoot();
    const accessFile = join(other.root, "access_log.1");
    await writeFile(accessFile, `${A1.line}\n${R1.line}\n`);
    try {
      const args = ["backfill", "login", accessFile, "--config", other.configPath];
      const warning = `Warning: no line of ${accessFile} is a line of a login log: is login the right TYPE?\n`;
      const lenient = await runCli(args);
      expect({ code: lenient.code, stderr: lenient.stderr }).toEqual({ code: 0, stderr: warning });
      expect(lenient.stdout).toContain("0 entries added");
      expect(await runCli([...args, "--strict"])).toEqual({
        code: 1,
        stdout: lenient.stdout,
        stderr: warning,
      });
      expect(
        (await runCli(["backfill", "access", accessFile, "--strict", "--config", other.configPath]))
          .code,
      ).toBe(0);
    } finally {
      await other.remove();
    }
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
        stdout: `${plain}: scanned 1 line; 1 entry added, 0 already spooled in ${other.parsedPath}\n`,
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
