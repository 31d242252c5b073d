import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, inject, test } from "vitest";
import { buildRelease, sha256 } from "../src/build-release.js";
import { pnpmCommand, repoRoot, version } from "./support.js";

const second = mkdtempSync(join(tmpdir(), "spoor-release-again-"));
afterAll(() => rmSync(second, { recursive: true, force: true }));

test("a second build of the same commit gives the same bytes for every artifact", async () => {
  const first = inject("releaseDir");
  const again = join(second, "release");
  const result = await buildRelease({ repoRoot, outputDir: again, pnpm: pnpmCommand() });
  expect(result.files).toEqual([
    "SHA256SUMS",
    `npm/spoor-cpanel-hook-${version}.tgz`,
    `npm/spoor-parsers-${version}.tgz`,
    `spoor-${version}-1.x86_64.rpm`,
    `spoor-${version}-linux-x64.tar.gz`,
    `spoor-server-${version}-1.x86_64.rpm`,
    `spoor-server-${version}-linux-x64.tar.gz`,
    `spoor-server_${version}_amd64.deb`,
    `spoor_${version}_amd64.deb`,
  ]);
  expect(readFileSync(join(again, "SHA256SUMS"), "utf8")).toBe(
    readFileSync(join(first, "SHA256SUMS"), "utf8"),
  );
});

test("SHA256SUMS lists every artifact with its digest", () => {
  const dir = inject("releaseDir");
  const lines = readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n");
  expect(lines).toHaveLength(8);
  for (const line of lines) {
    const [digest, name] = line.split("  ");
    expect(digest).toBe(sha256(join(dir, name ?? "")));
  }
});
