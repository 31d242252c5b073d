import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./run.js";

/**
 * Writes `oclif.manifest.json` (what `oclif manifest` writes: the commands with their flags,
 * and the version) into the CLI and into each of its plugins that ships none, so `spoor
 * --help` and command lookup read JSON instead of importing every command. Runs in `node`
 * (the shipped runtime), from the deployed tree itself.
 * @param {string} node the runtime to load the CLI with
 * @param {string} cli the deployed CLI (package.json with its `oclif` section)
 * @returns {void}
 * @throws Error when the CLI cannot be loaded.
 */
export function writeOclifManifests(node, cli) {
  const script = join(cli, "write-manifests.mjs");
  writeFileSync(
    script,
    `import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Config } from "@oclif/core";
const config = await Config.load(${JSON.stringify(cli)});
for (const plugin of config.plugins.values()) {
  const path = join(plugin.root, "oclif.manifest.json");
  if (plugin.type !== "core" || (!plugin.isRoot && existsSync(path))) continue;
  const { commands } = plugin.manifest;
  writeFileSync(path, JSON.stringify({ commands, version: plugin.version }, null, 2) + "\\n");
}
`,
  );
  try {
    if (existsSync(join(cli, "oclif.manifest.json"))) rmSync(join(cli, "oclif.manifest.json"));
    run(node, [script], { cwd: cli });
  } finally {
    rmSync(script);
  }
}
