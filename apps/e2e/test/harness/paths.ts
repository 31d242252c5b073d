import { fileURLToPath } from "node:url";

const repo = (relative: string): string =>
  fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));

/** A bin of `apps/daemons` (`spoor-agent`, `spoor-access-follower`, …, `spoor-transmitter`). */
export function daemonBin(name: string): string {
  return repo(`apps/daemons/bin/${name}.js`);
}

/** The bundled, self-contained cPanel hook script (what the installer copies). */
export const HOOK_BUNDLE = repo("packages/cpanel-hook/dist/hook.js");
