import { fileURLToPath } from "node:url";
import { hookScriptPath } from "@spoor/cpanel-hook";

const repo = (relative: string): string =>
  fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));

/** A bin of `apps/daemons` (`spoor-agent`, `spoor-access-follower`, …, `spoor-transmitter`). */
export function daemonBin(name: string): string {
  return repo(`apps/daemons/bin/${name}.js`);
}

/** The bundled, self-contained cPanel hook script (what the installer copies). */
export const HOOK_BUNDLE = hookScriptPath();

/** The real cPanel v120 logs (background traffic). */
export function corpusPath(log: "access_log" | "error_log" | "login_log" | "session_log"): string {
  return repo(`fixtures/cpanel-v120/${log}`);
}
