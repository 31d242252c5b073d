import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Removes from a hoisted `node_modules` tree every package that is not reachable from the root
 * manifest's `dependencies` (minus `drop`), following Node's lookup (nearest `node_modules`
 * first). Used to leave the demo's receiver and its native SQLite driver out of the agent.
 * @param {string} root directory holding package.json and node_modules
 * @param {readonly string[]} drop packages to leave out, wherever they are depended on
 * @returns {string[]} the removed package directories, relative to root, sorted
 * @throws Error when a manifest is unreadable or a kept dependency is missing.
 */
export function pruneTree(root, drop) {
  const manifest = readManifest(root);
  const rootDeps = Object.keys(manifest.dependencies ?? {}).filter((name) => !drop.includes(name));
  const reachable = new Set();
  const queue = rootDeps.map((name) => ({ name, from: root }));
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined) break;
    if (drop.includes(next.name)) continue;
    const found = locate(root, next.from, next.name);
    if (found === undefined) {
      const optional = readManifest(next.from).optionalDependencies ?? {};
      if (next.name in optional) continue;
      throw new Error(`dependency ${next.name} of ${next.from} is not installed`);
    }
    if (reachable.has(found)) continue;
    reachable.add(found);
    const deps = readManifest(found);
    for (const name of Object.keys({ ...deps.dependencies, ...deps.optionalDependencies })) {
      queue.push({ name, from: found });
    }
  }
  const removed = [];
  for (const directory of listPackages(join(root, "node_modules"))) {
    if (!reachable.has(directory) && existsSync(directory)) {
      removed.push(directory.slice(root.length + 1));
      rmSync(directory, { recursive: true, force: true });
    }
  }
  return removed.sort();
}

/** Node's lookup of `name` from package directory `from`, not above `root`. */
function locate(root, from, name) {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = join(directory, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (directory === root || dirname(directory) === directory) return undefined;
  }
}

/** Every package directory under a node_modules folder, nested ones included. */
function listPackages(nodeModules) {
  if (!existsSync(nodeModules)) return [];
  const found = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith(".")) continue;
    const path = join(nodeModules, entry);
    const names = entry.startsWith("@") ? readdirSync(path).map((n) => join(path, n)) : [path];
    for (const directory of names) {
      found.push(directory, ...listPackages(join(directory, "node_modules")));
    }
  }
  return found;
}

function readManifest(directory) {
  return JSON.parse(readFileSync(join(directory, "package.json"), "utf8"));
}
