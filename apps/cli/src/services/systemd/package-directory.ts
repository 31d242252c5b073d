import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

/**
 * The directory of an installed workspace package, found from its resolved main module
 * (their exports maps do not list package.json). Resolution starts at this module, so it
 * names the very installation that is running.
 * @throws Error when the package cannot be resolved (not installed, or not built).
 */
export function packageDirectory(name: string): string {
  const mainPath = createRequire(import.meta.url).resolve(name);
  for (let directory = dirname(mainPath); ; directory = dirname(directory)) {
    if (manifestName(join(directory, "package.json")) === name) return directory;
    if (dirname(directory) === directory) {
      throw new Error(`no package.json of ${name} above ${mainPath}`);
    }
  }
}

function manifestName(path: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path, "utf8")) as { name?: string }).name;
  } catch {
    return undefined; // no (readable) package.json at this level
  }
}

/**
 * The absolute path of an installed package's executable, from its `bin` map.
 * @throws Error when the package cannot be resolved or has no such entry.
 */
export function packageBin(name: string, bin: string): string {
  const directory = packageDirectory(name);
  const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
    bin?: Record<string, string>;
  };
  const relative = manifest.bin?.[bin];
  if (relative === undefined) throw new Error(`${name} has no "${bin}" entry in its bin map`);
  return resolve(directory, relative);
}
