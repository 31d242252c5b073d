import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { projectMetadata } from "../src/project-metadata.js";
import { repoRoot, version } from "./support.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

test("the README's download commands use the root package.json's repository and this version's artifact names", () => {
  const downloads = [...readme.matchAll(/^curl -fLO (\S+)$/gm)].map((match) => match[1]);
  const releases = `${projectMetadata(repoRoot).web}/releases/download/v${version}`;
  expect(downloads).toEqual([
    `${releases}/spoor-${version}-1.x86_64.rpm`,
    `${releases}/spoor_${version}_amd64.deb`,
  ]);
});
