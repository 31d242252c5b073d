#!/usr/bin/env node
// `pnpm release`: builds the artifacts of this checkout into dist/release/ (or --out DIR).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildRelease } from "../src/build-release.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const outIndex = process.argv.indexOf("--out");
const outputDir =
  outIndex === -1 ? join(repoRoot, "dist/release") : resolve(process.argv[outIndex + 1] ?? "");
const pnpmVersion = JSON.parse(
  readFileSync(join(repoRoot, "package.json"), "utf8"),
).packageManager.split("@")[1];
const result = await buildRelease({
  repoRoot,
  outputDir,
  pnpm: ["npx", "-y", `pnpm@${pnpmVersion}`],
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(
  `spoor ${result.version} (SOURCE_DATE_EPOCH=${result.epoch}) → ${outputDir}\n`,
);
for (const file of result.files) process.stdout.write(`  ${file}\n`);
process.stdout.write(`left out of the agent tree: ${result.removed.join(", ")}\n`);
const { glibc, glibcxx } = result.serverFloor;
process.stdout.write(
  `the server's SQLite driver needs glibc ${glibc}${glibcxx === undefined ? "" : ` and GLIBCXX_${glibcxx}`}\n`,
);
