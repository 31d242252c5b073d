import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deployPackage } from "./deploy-package.js";
import { run } from "./run.js";
import { rewriteShippedManifest } from "./shipped-manifest.js";

/**
 * The workspace packages published as npm tarballs. `bundle`: their `@spoor/*` dependencies
 * (unpublished, and a scope anyone could claim) travel inside the tarball
 * (`bundleDependencies`), so an install never asks a registry for them.
 */
export const LIBRARIES = [
  { name: "@spoor/parsers", source: "packages/parsers", bundle: false },
  { name: "@spoor/cpanel-hook", source: "packages/cpanel-hook", bundle: true },
];

/**
 * Packs each library into `outputDir` (`spoor-parsers-<v>.tgz`, `spoor-cpanel-hook-<v>.tgz`):
 * deployed with its production dependencies (deploy-package.js), the manifest given the
 * project's addresses, then `npm pack` (fixed mtimes, sorted entries: reproducible).
 * @param {{ repoRoot: string, work: string, outputDir: string, pnpm: readonly string[], metadata: import("./project-metadata.js").ProjectMetadata }} options
 * @returns {string[]} the tarball file names
 * @throws Error when deploying or packing fails, or a library that is not bundled has dependencies.
 */
export function packLibraries(options) {
  mkdirSync(options.outputDir, { recursive: true });
  return LIBRARIES.map((library) => {
    const staged = join(options.work, `pack-${library.source.replaceAll("/", "-")}`);
    deployPackage({
      repoRoot: options.repoRoot,
      name: library.name,
      target: staged,
      pnpm: options.pnpm,
    });
    const manifest = rewriteShippedManifest(staged, {
      metadata: options.metadata,
      source: library.source,
    });
    const dependencies = Object.keys(manifest.dependencies ?? {});
    if (library.bundle) {
      writeFileSync(
        join(staged, "package.json"),
        `${JSON.stringify({ ...manifest, bundleDependencies: dependencies }, null, 2)}\n`,
      );
    } else if (dependencies.length > 0) {
      throw new Error(`${library.name} has runtime dependencies: ${dependencies.join(", ")}`);
    } else {
      rmSync(join(staged, "node_modules"), { recursive: true, force: true });
    }
    const output = run(
      "npm",
      ["pack", "--json", "--ignore-scripts", "--pack-destination", options.outputDir],
      { cwd: staged, quiet: true },
    );
    rmSync(staged, { recursive: true, force: true });
    return JSON.parse(output)[0].filename;
  });
}
