import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Removes from a hoisted `node_modules` tree every package that is not reachable from the root
 * manifest's `dependencies` without passing through a name in `drop`, following Node's lookup
 * (nearest `node_modules` first). Used to leave the server and its native SQLite driver out
 * of the agent, and install-time helpers out of the server.
 * @param {string} root directory holding package.json and node_modules
 * @param {readonly string[]} drop dependencies to leave out, wherever they are required
 * @returns {string[]} the removed package directories, relative to root, sorted
 * @throws Error when a manifest is unreadable or a kept dependency is missing.
 */
export function pruneTree(root, drop) {
  const manifest = readManifest(root);
  const kept = (name) => !drop.includes(name);
  const reachable = new Set();
  const queue = Object.keys(manifest.dependencies ?? {})
    .filter(kept)
    .map((name) => ({ name, from: root }));
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined) break;
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
      if (kept(name)) queue.push({ name, from: found });
    }
  }
  const removed = [];
  for (const directory of listPackages(join(root, "node_modules"))) {
    if (!reachable.has(directory) && existsSync(directory)) {
      removed.push(directory.slice(root.length + 1));
      rmSync(directory, { recursive: true, force: true });
    }
  }
  // A scope whose packages all went (node_modules/@types) goes too.
  for (const scope of listScopes(join(root, "node_modules"))) {
    if (readdirSync(scope).length === 0) rmSync(scope, { recursive: true });
  }
  return removed.sort();
}

/** The `@scope` directories of a node_modules folder, nested ones included. */
function listScopes(nodeModules) {
  if (!existsSync(nodeModules)) return [];
  const scopes = [];
  for (const entry of readdirSync(nodeModules)) {
    const path = join(nodeModules, entry);
    if (entry.startsWith("@")) {
      scopes.push(path);
      for (const name of readdirSync(path))
        scopes.push(...listScopes(join(path, name, "node_modules")));
    } else if (!entry.startsWith(".")) {
      scopes.push(...listScopes(join(path, "node_modules")));
    }
  }
  return scopes;
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
