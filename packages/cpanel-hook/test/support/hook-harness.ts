import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createFileSpool, type SpoolEntry } from "@spoor/spool";
import { type HookSandbox, makeHookSandbox, type NodeRun, runNode } from "@spoor/test-support";

/** The built, self-contained hook script the tests run. */
export const HOOK_BUNDLE = fileURLToPath(new URL("../../dist/hook.js", import.meta.url));
/** The package's bin, which only imports the bundle. */
export const HOOK_BIN = fileURLToPath(new URL("../../bin/spoor-cpanel-hook.js", import.meta.url));

/** A temp root holding a 0600 config in a 0700 directory and the spool it names. */
export type { HookSandbox };

/**
 * Creates a sandbox whose config opts into `events` (`transmission.events`), with `limits`
 * added to its `application` section (e.g. `spool_max_entries`).
 * @throws Error when the bundle has not been built.
 */
export async function makeSandbox(
  events: readonly string[] = [],
  limits: Record<string, number> = {},
): Promise<HookSandbox> {
  if (!existsSync(HOOK_BUNDLE)) throw new Error(`${HOOK_BUNDLE} missing: build the package first`);
  return makeHookSandbox("spoor-hook-test-", { events, limits });
}

/** What one run of the hook printed (see runNode). */
export type HookRun = NodeRun;

/**
 * Runs the bundle (or `script`) as a child process with cPanel's kind of clean environment,
 * feeding `input` on STDIN (a write the child stops reading is tolerated); with
 * `keepStdinOpen` STDIN stays open until the child exits. With `uid` (e.g. NOBODY) the script
 * runs from a world-readable copy, so that the checkout's location does not matter.
 */
export function runHookProcess(
  args: readonly string[],
  input: string | Buffer,
  options: { uid?: number; gid?: number; script?: string; keepStdinOpen?: boolean } = {},
): Promise<HookRun> {
  const { script = HOOK_BUNDLE, ...rest } = options;
  return runNode(script, args, {
    ...rest,
    input,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/", USER: "nobody" },
  });
}

/** Names in the spool's parsed/ directory (none when it does not exist). */
export async function parsedNames(sandbox: HookSandbox): Promise<string[]> {
  try {
    return (await readdir(sandbox.spool.parsed)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Every queued entry, read back through the spool package, with each file's mode. */
export async function readSpooled(
  sandbox: HookSandbox,
): Promise<Array<{ name: string; mode: number; entry: SpoolEntry }>> {
  const spool = createFileSpool({ paths: sandbox.spool });
  const files = await spool.list();
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      mode: (await stat(file.path)).mode & 0o777,
      entry: await spool.read(file),
    })),
  );
}

/** Every path under `root` with its size and mtime: to prove a run touched nothing. */
export async function snapshotTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const stats = await stat(path);
      return `${path} ${stats.size} ${stats.mtimeMs}`;
    }),
  ).then((lines) => lines.sort());
}
