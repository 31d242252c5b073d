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
import { glibcFloor } from "./glibc-floor.js";
import { makeDeb } from "./make-deb.js";
import { makeRpm } from "./make-rpm.js";
import { makeTarball } from "./make-tarball.js";
import { packLibraries } from "./pack-libraries.js";
import { agentPackage, serverPackage } from "./package-definitions.js";
import { projectMetadata } from "./project-metadata.js";
import { run, runLimited } from "./run.js";
import { sourceDateEpoch } from "./source-date-epoch.js";
import { stageOptTree } from "./stage-opt-tree.js";
import { SERVER_LAYOUT, stageServerTree } from "./stage-server-tree.js";

/**
 * Builds every release artifact of the checkout at `repoRoot` (already built with `pnpm
 * build`) into `outputDir` (emptied first):
 * - the agent: `spoor-<v>-linux-x64.tar.gz` (/opt/spoor), `spoor_<v>_amd64.deb`,
 *   `spoor-<v>-1.x86_64.rpm`;
 * - the server: `spoor-server-<v>-linux-x64.tar.gz` (/opt/spoor-server and the link in
 *   /opt/spoor), `spoor-server_<v>_amd64.deb`, `spoor-server-<v>-1.x86_64.rpm`;
 * - `npm/spoor-parsers-<v>.tgz`, `npm/spoor-cpanel-hook-<v>.tgz`;
 * - `SHA256SUMS` over all of them.
 * The server's native driver is compiled once per driver/runtime/compiler and cached in
 * `cacheDir` (default `<repoRoot>/node_modules/.cache/spoor-release`).
 * @param {{ repoRoot: string, outputDir: string, pnpm: readonly string[], cacheDir?: string, log?: (line: string) => void }} options
 *   `log` gets one line per finished step, with its duration
 * @returns {Promise<{ version: string, epoch: number, files: string[], removed: string[], serverFloor: { glibc: string, glibcxx: string | undefined } }>}
 *   files relative to outputDir, sorted
 * @throws Error when any step fails.
 */
export async function buildRelease(options) {
  const { repoRoot, outputDir } = options;
  const version = JSON.parse(readFileSync(join(repoRoot, "apps/cli/package.json"), "utf8")).version;
  const metadata = projectMetadata(repoRoot);
  const epoch = sourceDateEpoch(repoRoot);
  const cacheDir = options.cacheDir ?? join(repoRoot, "node_modules/.cache/spoor-release");
  const work = mkdtempSync(join(tmpdir(), "spoor-release-"));
  let last = performance.now();
  const step = (what) => {
    const now = performance.now();
    options.log?.(`${what} (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
  try {
    rmSync(outputDir, { recursive: true, force: true });
    mkdirSync(outputDir, { recursive: true });
    // Each payload is staged once, as it lands on the target (root/opt/…, root/usr/bin/…).
    const agentRoot = join(work, "agent");
    const agentTree = join(agentRoot, "opt/spoor");
    const { removed } = stageOptTree({ repoRoot, target: agentTree, pnpm: options.pnpm, metadata });
    step("staged /opt/spoor");
    const serverRoot = join(work, "server");
    const { driver } = stageServerTree({
      repoRoot,
      target: join(serverRoot, "opt"),
      agentTree,
      pnpm: options.pnpm,
      cacheDir,
      metadata,
    });
    step("staged /opt/spoor-server");
    const serverFloor = glibcFloor(driver);
    const link = join("/opt", SERVER_LAYOUT.link);
    const packages = [
      { root: agentRoot, definition: agentPackage(), members: ["spoor"], bin: "spoor" },
      {
        root: serverRoot,
        definition: serverPackage(version, serverFloor, link),
        members: [SERVER_LAYOUT.home, SERVER_LAYOUT.link],
        bin: "spoor-server",
      },
    ];
    // Every job below reads a finished payload: with two at a time they share the machine's cores.
    const jobs = [];
    for (const { root, definition, members, bin } of packages) {
      const name = definition.name;
      const installedKiB = Number(
        run("du", ["-sk", "--apparent-size", join(root, "opt")]).split("\t")[0],
      );
      mkdirSync(join(root, "usr/bin"), { recursive: true });
      run("ln", ["-s", join("/opt", members[0] ?? "", "bin", bin), join(root, "usr/bin", bin)]);
      run("find", [root, "-exec", "touch", "-h", "-d", `@${epoch}`, "{}", "+"]);
      const timed = (what, job) => async () => {
        const start = performance.now();
        await job();
        options.log?.(`${name} ${what} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
      };
      jobs.push(
        timed("tarball", () =>
          makeTarball({
            parent: join(root, "opt"),
            members,
            epoch,
            output: join(outputDir, `${name}-${version}-linux-x64.tar.gz`),
          }),
        ),
        timed(".deb", () =>
          makeDeb({
            root,
            definition,
            version,
            epoch,
            installedKiB,
            homepage: metadata.homepage,
            output: join(outputDir, `${name}_${version}_amd64.deb`),
          }),
        ),
        timed(".rpm", () =>
          makeRpm({ root, work, definition, version, epoch, url: metadata.homepage, outputDir }),
        ),
      );
    }
    await runLimited(jobs, 2);
    step("packages");
    packLibraries({
      repoRoot,
      work,
      outputDir: join(outputDir, "npm"),
      pnpm: options.pnpm,
      metadata,
    });
    step("npm tarballs");
    const files = listFiles(outputDir);
    writeFileSync(
      join(outputDir, "SHA256SUMS"),
      files.map((file) => `${sha256(join(outputDir, file))}  ${file}\n`).join(""),
    );
    return { version, epoch, files: [...files, "SHA256SUMS"].sort(), removed, serverFloor };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The SHA-256 of a file, hex.
 * @param {string} path
 * @returns {string}
 * @throws Error when the file cannot be read.
 */
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
