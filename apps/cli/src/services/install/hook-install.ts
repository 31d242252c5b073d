import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { hookScriptPath } from "@spoor/cpanel-hook";
import type { PathOutcome } from "../steps/path-outcome.js";
import type { Ownership } from "./ensure-directory.js";
import { installFile } from "./install-file.js";

/**
 * The hook script's owner and mode: 0755 owned by the installing user and group, which on a
 * real install (as root) is the `root:root` cPanel's documentation asks for. Never throws.
 */
export function hookOwnership(): Ownership {
  return { mode: 0o755, uid: process.geteuid?.() ?? 0, gid: process.getegid?.() ?? 0 };
}

/**
 * The hook script as installed: the bundle with its first line replaced by
 * `#!<nodePath>`, because cPanel runs hooks with a cleaned environment where PATH may not
 * find node (cpanel.md §3.1). A bundle without a shebang gets one added. Never throws.
 */
export function withShebang(bundle: string, nodePath: string): string {
  const newline = bundle.indexOf("\n");
  const rest = !bundle.startsWith("#!") ? bundle : newline === -1 ? "" : bundle.slice(newline + 1);
  return `#!${nodePath}\n${rest}`;
}

/**
 * Installs the hook script at `hookPath`, 0755 root:root (see hookOwnership). Missing parent directories are
 * created 0755; existing ones (cPanel's own 3rdparty/bin) are left as they are.
 * @throws Error (ENOENT) when the bundle is missing (the hook package is not built);
 *   UserFacingError when `hookPath` is a symbolic link or not a regular file.
 */
export async function installHookScript(options: {
  hookPath: string;
  nodePath: string;
  bundlePath?: string;
}): Promise<PathOutcome> {
  const bundle = await readFile(options.bundlePath ?? hookScriptPath(), "utf8");
  await mkdir(dirname(options.hookPath), { recursive: true, mode: 0o755 });
  return installFile(options.hookPath, withShebang(bundle, options.nodePath), hookOwnership());
}
