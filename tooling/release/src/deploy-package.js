import { cpSync, rmSync } from "node:fs";
import { findFiles } from "./find-files.js";
import { pinWorkspaceSpecs } from "./pin-workspace-specs.js";
import { run } from "./run.js";

/**
 * Deploys one workspace package with its production dependencies into `target` (must not
 * exist) as plain files: `pnpm deploy --prod` with the hoisted linker and no install scripts
 * (nothing is compiled or run), copied out of pnpm's store links, so every `@spoor/*`
 * package is a copy of the checkout and nothing is resolved from a registry. pnpm's lock and
 * workspace files and the dot entries inside node_modules are removed; the deployed
 * workspace packages' manifests are pinned (pin-workspace-specs.js).
 * @param {{ repoRoot: string, name: string, target: string, pnpm: readonly string[] }} options
 *   `pnpm` is the command that runs pnpm (e.g. npx -y pnpm@12.4.2)
 * @returns {void}
 * @throws Error when pnpm fails.
 */
export function deployPackage(options) {
  const deployed = `${options.target}.deploy`;
  const [command, ...prefix] = options.pnpm;
  run(
    command ?? "pnpm",
    [
      ...prefix,
      "--filter",
      options.name,
      "deploy",
      "--prod",
      "--prefer-offline",
      "--ignore-scripts",
      "--config.node-linker=hoisted",
      deployed,
    ],
    { cwd: options.repoRoot },
  );
  // pnpm links deployed files to its store (hard links, shared between packages): copy them out
  // so the tree holds plain files, whatever import method pnpm used, and the store stays untouched.
  cpSync(deployed, options.target, { recursive: true, verbatimSymlinks: true });
  rmSync(deployed, { recursive: true, force: true });
  for (const name of ["pnpm-lock.yaml", "pnpm-workspace.yaml"]) {
    rmSync(`${options.target}/${name}`, { force: true });
  }
  const dotEntries = findFiles(
    options.target,
    (path, entry) => entry.name.startsWith(".") && path.includes("node_modules"),
  );
  for (const dot of dotEntries) rmSync(dot, { recursive: true, force: true });
  pinWorkspaceSpecs(options.target);
}
