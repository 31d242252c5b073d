import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * @typedef {{ homepage: string, bugs: string, repository: { type: string, url: string }, web: string }} ProjectMetadata
 */

/**
 * The project's public addresses, kept in ONE place: the root package.json's `homepage`,
 * `bugs` and `repository`. Every shipped manifest, the .deb's Homepage and the .rpm's URL
 * take them from here.
 * @param {string} repoRoot
 * @returns {ProjectMetadata} `web` is the repository's https address without `git+` and `.git`
 * @throws Error when a field is missing.
 */
export function projectMetadata(repoRoot) {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  const { homepage, bugs, repository } = root;
  if (
    typeof homepage !== "string" ||
    typeof bugs !== "string" ||
    typeof repository?.url !== "string"
  ) {
    throw new Error("the root package.json needs homepage, bugs and repository.url");
  }
  const web = repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
  return {
    homepage,
    bugs,
    repository: { type: repository.type ?? "git", url: repository.url },
    web,
  };
}

/**
 * A manifest with the project's addresses put in (`repository.directory` = the package's
 * place in the checkout), for a manifest that leaves the workspace.
 * @param {Record<string, unknown>} manifest
 * @param {ProjectMetadata} metadata
 * @param {string} directory relative to the repository root, e.g. "packages/parsers"
 * @returns {Record<string, unknown>} a new object, fields in the usual order
 */
export function withProjectMetadata(manifest, metadata, directory) {
  const { name, version, description, license, ...rest } = manifest;
  return {
    name,
    version,
    description,
    license,
    homepage: metadata.homepage,
    bugs: metadata.bugs,
    repository: { ...metadata.repository, directory },
    ...rest,
  };
}
