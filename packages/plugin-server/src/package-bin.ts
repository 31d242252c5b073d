import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

function manifest(path: string): { name?: string; bin?: Record<string, string> } | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as {
      name?: string;
      bin?: Record<string, string>;
    };
  } catch {
    return undefined;
  }
}

/**
 * The absolute path of an installed package's executable (its `bin` map), found from the
 * package's resolved main module, so the unit runs the very installation that wrote it.
 *
 * @throws Error when the package cannot be resolved or has no such entry.
 */
export function packageBin(name: string, bin: string): string {
  const main = createRequire(import.meta.url).resolve(name);
  for (
    let directory = dirname(main);
    dirname(directory) !== directory;
    directory = dirname(directory)
  ) {
    const found = manifest(join(directory, "package.json"));
    if (found?.name !== name) continue;
    const relative = found.bin?.[bin];
    if (relative === undefined) throw new Error(`${name} has no "${bin}" entry in its bin map`);
    return resolve(directory, relative);
  }
  throw new Error(`no package.json of ${name} above ${main}`);
}
