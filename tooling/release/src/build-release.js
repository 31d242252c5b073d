import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { makeDeb } from "./make-deb.js";
import { makeRpm } from "./make-rpm.js";
import { makeTarball } from "./make-tarball.js";
import { packLibraries } from "./pack-libraries.js";
import { run } from "./run.js";
import { sourceDateEpoch } from "./source-date-epoch.js";
import { stageOptTree } from "./stage-opt-tree.js";

/**
 * Builds every release artifact of the checkout at `repoRoot` (already built with `pnpm
 * build`) into `outputDir`: the /opt/spoor tarball, the .deb, the .rpm, the npm tarballs in
 * `npm/`, and `SHA256SUMS` over all of them. `outputDir` is emptied first.
 * @param {{ repoRoot: string, outputDir: string, pnpm: readonly string[], rpm?: boolean }} options
 *   `rpm: false` skips the .rpm (rpmbuild missing)
 * @returns {Promise<{ version: string, epoch: number, files: string[], removed: string[] }>}
 *   files relative to outputDir, sorted
 * @throws Error when any step fails.
 */
export async function buildRelease(options) {
  const { repoRoot, outputDir } = options;
  const version = JSON.parse(readFileSync(join(repoRoot, "apps/cli/package.json"), "utf8")).version;
  const epoch = sourceDateEpoch(repoRoot);
  const work = mkdtempSync(join(tmpdir(), "spoor-release-"));
  try {
    rmSync(outputDir, { recursive: true, force: true });
    mkdirSync(outputDir, { recursive: true });
    const optTree = join(work, "spoor");
    const { removed } = stageOptTree({ repoRoot, target: optTree, pnpm: options.pnpm });
    const installedKiB = Number(run("du", ["-sk", "--apparent-size", optTree]).split("\t")[0]);
    await makeTarball({
      parent: work,
      name: "spoor",
      epoch,
      output: join(outputDir, `spoor-${version}-linux-x64.tar.gz`),
    });
    makeDeb({
      optTree,
      work,
      version,
      epoch,
      installedKiB,
      output: join(outputDir, `spoor_${version}_amd64.deb`),
    });
    if (options.rpm !== false) makeRpm({ optTree, work, version, epoch, outputDir });
    packLibraries({ repoRoot, outputDir: join(outputDir, "npm"), pnpm: options.pnpm });
    const files = listFiles(outputDir);
    writeFileSync(
      join(outputDir, "SHA256SUMS"),
      files.map((file) => `${sha256(join(outputDir, file))}  ${file}\n`).join(""),
    );
    return { version, epoch, files: [...files, "SHA256SUMS"].sort(), removed };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The SHA-256 of a file, hex. */
export function sha256(path) {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function listFiles(directory, prefix = "") {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory()
        ? listFiles(path, `${prefix}${name}/`)
        : [`${prefix}${basename(path)}`];
    });
}
