import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Rewrites the manifest of every deployed workspace package (`node_modules/@spoor/*`, nested
 * ones included) as it would be published: each `workspace:` dependency named by the version
 * deployed beside it, development-only fields dropped. npm refuses the `workspace:` protocol,
 * so a bundled copy must not carry it.
 * @param {string} directory the deployed package (its node_modules is searched)
 * @returns {void}
 * @throws Error when a manifest is unreadable or a workspace dependency is not deployed.
 */
export function pinWorkspaceSpecs(directory) {
  const scope = join(directory, "node_modules/@spoor");
  if (!existsSync(scope)) return;
  const versions = new Map();
  const packages = readdirSync(scope).map((name) => join(scope, name));
  for (const path of packages) {
    const manifest = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
    versions.set(manifest.name, manifest.version);
  }
  for (const path of packages) {
    const file = join(path, "package.json");
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"]) {
      for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
        if (!String(spec).startsWith("workspace:")) continue;
        const version = versions.get(name);
        if (version === undefined) throw new Error(`${name} of ${manifest.name} is not deployed`);
        manifest[field][name] = version;
      }
    }
    delete manifest.devDependencies;
    delete manifest.scripts;
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    pinWorkspaceSpecs(path);
  }
}
