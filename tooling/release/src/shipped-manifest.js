import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withProjectMetadata } from "./project-metadata.js";

/**
 * Rewrites the deployed root `package.json` for shipping: drops `leftOut` dependencies and the
 * development-only fields, adds the project's addresses (project-metadata.js), and names each
 * workspace dependency by the version copied into the tree. pnpm deploy writes those as `file:` URLs of the checkout, in no fixed order; the
 * rewrite is sorted, so the manifest is the same on every machine.
 * @param {string} directory the deployed package (package.json and node_modules)
 * @param {{ metadata: import("./project-metadata.js").ProjectMetadata, source: string, leftOut?: readonly string[] }} options
 *   `source` the package's directory in the checkout (e.g. "apps/cli")
 * @returns {Record<string, unknown>} the manifest written
 * @throws Error when a manifest is unreadable.
 */
export function rewriteShippedManifest(directory, options) {
  const leftOut = options.leftOut ?? [];
  const path = join(directory, "package.json");
  const manifest = JSON.parse(readFileSync(path, "utf8"));
  const dependencies = {};
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    if (leftOut.includes(name)) continue;
    const spec = manifest.dependencies[name];
    dependencies[name] = spec.includes("file:")
      ? JSON.parse(readFileSync(join(directory, "node_modules", name, "package.json"), "utf8"))
          .version
      : spec;
  }
  manifest.dependencies = dependencies;
  delete manifest.devDependencies;
  delete manifest.scripts;
  const shipped = withProjectMetadata(manifest, options.metadata, options.source);
  writeFileSync(path, `${JSON.stringify(shipped, null, 2)}\n`);
  return shipped;
}
