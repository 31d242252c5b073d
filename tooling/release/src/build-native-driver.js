import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { run } from "./run.js";

/** What the driver is compiled from, inside the better-sqlite3 package. */
const SOURCES = ["binding.gyp", "package.json", "src", "deps"];

/** node-gyp as npm bundles it (npm is on every machine that has Node). */
function nodeGyp() {
  const path = join(run("npm", ["root", "-g"]).trim(), "npm/node_modules/node-gyp/bin/node-gyp.js");
  if (!existsSync(path)) throw new Error(`node-gyp not found at ${path} (it comes with npm)`);
  return path;
}

/**
 * Compiles better-sqlite3's native addon for the shipped runtime: node-gyp run by `node`
 * against the headers in `runtimeDir/include/node` (nothing is downloaded), release build, in
 * a fixed directory. The result depends only on the driver's sources, the runtime and the
 * compilers (gcc emits no paths or times here: two builds in different directories give the
 * same bytes), so it is kept in `cacheDir` under a key of those and reused.
 * @param {{ source: string, node: string, runtimeDir: string, cacheDir: string }} options
 *   `source` the better-sqlite3 package directory (its sources, not yet built)
 * @returns {string} the path of the built `better_sqlite3.node` (in the cache; do not modify)
 * @throws Error when node-gyp, make or the compiler fails.
 */
export function buildNativeDriver(options) {
  const version = JSON.parse(readFileSync(join(options.source, "package.json"), "utf8")).version;
  const key = createHash("sha256")
    .update(
      [
        version,
        run(options.node, ["--version"]),
        run("cc", ["--version"]).split("\n")[0],
        run("c++", ["--version"]).split("\n")[0],
      ].join("\0"),
    )
    .digest("hex")
    .slice(0, 16);
  const cached = join(options.cacheDir, `better_sqlite3-${version}-${key}.node`);
  if (existsSync(cached)) return cached;
  const build = join(options.cacheDir, "build");
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  for (const entry of SOURCES)
    cpSync(join(options.source, entry), join(build, entry), { recursive: true });
  run(
    options.node,
    [nodeGyp(), "rebuild", "--release", `--nodedir=${options.runtimeDir}`, "-j", "2"],
    {
      cwd: build,
      quiet: true,
    },
  );
  renameSync(join(build, "build/Release/better_sqlite3.node"), `${cached}.partial`);
  renameSync(`${cached}.partial`, cached);
  rmSync(build, { recursive: true, force: true });
  return cached;
}
