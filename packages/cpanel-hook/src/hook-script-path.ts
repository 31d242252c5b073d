import { fileURLToPath } from "node:url";

/**
 * The absolute path of this installation's hook script: `dist/hook.js`, the self-contained
 * bundle an installer copies to `/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook`. Resolved
 * from the built library entry, which sits beside it in `dist/` (so it names the very
 * installation that is running). Never throws; the file exists once the package is built.
 */
export function hookScriptPath(): string {
  return fileURLToPath(new URL("./hook.js", import.meta.url));
}
