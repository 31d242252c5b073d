import { defineConfig } from "tsup";

/**
 * Builds a package's entries as ESM for Node 20 with declarations.
 * Every package uses this one preset, so a later move to another bundler touches one file.
 *
 * @param {Record<string, string> | string[]} entry entry points (name → source file)
 * @param {import("tsup").Options} [overrides] settings that differ for this package
 */
export function definePackageConfig(entry, overrides = {}) {
  return defineConfig({
    entry,
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    outDir: "dist",
    ...overrides,
  });
}
