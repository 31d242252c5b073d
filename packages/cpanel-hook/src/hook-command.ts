import { isAbsolute } from "node:path";
import { HookPathError } from "./hook-path-error.js";

// Whitespace splits the hook string; controls, quotes and shell metacharacters have no place
// in a path root registers and cPanel executes.
const UNSAFE = /[\s\p{Cc}"'`$\\;&|<>*?]/u;

/**
 * The `hook` string a registration carries: the script's absolute path, followed by
 * `--config PATH` when a non-default configuration was named (cPanel passes everything after
 * the first word as arguments, so each run reads the configuration the registration was
 * described from).
 * @throws HookPathError when either path is relative or holds whitespace, a control character
 * or a shell metacharacter.
 */
export function buildHookCommand(scriptPath: string, configPath?: string): string {
  checkPath(scriptPath);
  if (configPath === undefined) return scriptPath;
  checkPath(configPath);
  return `${scriptPath} --config ${configPath}`;
}

function checkPath(path: string): void {
  if (!isAbsolute(path)) throw new HookPathError(path, "not an absolute path");
  if (UNSAFE.test(path)) {
    throw new HookPathError(path, "holds whitespace, a control character or a shell metacharacter");
  }
}
