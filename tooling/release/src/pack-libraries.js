import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { run } from "./run.js";

/** The workspace packages published as npm tarballs (zero @spoor/* runtime dependencies). */
export const LIBRARIES = ["packages/parsers"];

/**
 * Packs each library with `pnpm pack` into `outputDir` (npm tarballs: `spoor-parsers-<v>.tgz`).
 * @param {{ repoRoot: string, outputDir: string, pnpm: readonly string[] }} options
 * @returns {string[]} the tarball paths
 * @throws Error when packing fails.
 */
export function packLibraries(options) {
  mkdirSync(options.outputDir, { recursive: true });
  const [command, ...prefix] = options.pnpm;
  return LIBRARIES.map((library) => {
    const output = run(
      command ?? "pnpm",
      [...prefix, "pack", "--json", "--pack-destination", options.outputDir],
      {
        cwd: join(options.repoRoot, library),
      },
    );
    const parsed = JSON.parse(output.slice(output.indexOf("{")));
    return parsed.filename;
  });
}
