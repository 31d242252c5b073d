import type { SystemdContainer } from "@spoor/systemd-harness";

/** Where the stand-ins record what they were asked (inside the container). */
export const RECORDS = "/root/fake-cpanel";

/** The cPanel logs spoor follows by default; empty files, as on a fresh server. */
export const CPANEL_LOGS = ["access_log", "error_log", "login_log", "session_log"].map(
  (name) => `/usr/local/cpanel/logs/${name}`,
);

// manage_hooks: records the call; `add script` runs the script's --describe (as cPanel does,
// so the hook's #! must work) and registers it; `delete script` unregisters it.
const MANAGE_HOOKS = `#!/bin/sh
echo "manage_hooks $*" >>${RECORDS}/calls
case "$1 $2" in
  "add script")
    "$3" --describe >${RECORDS}/describe.json || exit 1
    echo "$3" >>${RECORDS}/registry ;;
  "delete script")
    grep -vxF -- "$3" ${RECORDS}/registry >${RECORDS}/registry.new || true
    mv ${RECORDS}/registry.new ${RECORDS}/registry ;;
esac
`;

const WHMAPI1 = `#!/bin/sh
echo "whmapi1 $*" >>${RECORDS}/calls
echo "metadata: { result: 1 }"
`;

/**
 * Builds a minimal cPanel inside the container's throw-away overlay: the two tools spoor's
 * `--enable`/`--now` run (stand-ins that record their calls), the four logs, and
 * cpanel.config with successful-login logging off.
 * @throws CommandFailedError when a file cannot be written.
 */
export async function installFakeCpanel(container: SystemdContainer): Promise<void> {
  await container.run([
    "mkdir",
    "-p",
    "/usr/local/cpanel/bin",
    "/usr/local/cpanel/logs",
    "/var/cpanel",
    RECORDS,
  ]);
  await container.writeFile("/usr/local/cpanel/bin/manage_hooks", MANAGE_HOOKS, { mode: "0755" });
  await container.writeFile("/usr/local/cpanel/bin/whmapi1", WHMAPI1, { mode: "0755" });
  await container.writeFile("/var/cpanel/cpanel.config", "log_successful_logins=0\n");
  await container.writeFile(`${RECORDS}/registry`, "");
  await container.writeFile(`${RECORDS}/calls`, "");
  for (const log of CPANEL_LOGS) await container.writeFile(log, "", { mode: "0600" });
}

/** The stand-ins' calls so far, one per element. */
export async function cpanelCalls(container: SystemdContainer): Promise<string[]> {
  return lines(await container.readFile(`${RECORDS}/calls`));
}

/** The scripts the stand-in manage_hooks holds registered. */
export async function registeredHooks(container: SystemdContainer): Promise<string[]> {
  return lines(await container.readFile(`${RECORDS}/registry`));
}

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}
