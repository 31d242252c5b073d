import { realpathSync } from "node:fs";
import { resolve } from "node:path";

/** The directories systemd's `ProtectHome=yes` makes inaccessible to a unit. */
const HIDDEN = ["/home", "/root", "/run/user"];

/**
 * The paths among `paths` that a unit with `ProtectHome=yes` cannot see — under `/home`,
 * `/root` or `/run/user`, as written or once symbolic links are resolved — so a unit whose
 * ExecStart names one cannot load its code. Never throws.
 */
export function hiddenByProtectHome(paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const candidates = [resolve(path)];
    try {
      candidates.push(realpathSync(path));
    } catch {
      // a path that does not exist yet: judged as written
    }
    return candidates.some((candidate) =>
      HIDDEN.some((hidden) => candidate === hidden || candidate.startsWith(`${hidden}/`)),
    );
  });
}

/** The fix for units whose code lies under a home directory. */
export const PROTECT_HOME_FIX =
  "install spoor where the units can reach it — outside /home and /root (e.g. a checkout or npm install under /opt/spoor, with node from /usr/bin) — and run spoor install from there";
