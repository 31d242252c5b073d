/** Every unit `spoor install` may write (both layouts). */
export const UNITS = [
  "spoor-agent.service",
  "spoor-transmitter.service",
  "spoor-access-follower.service",
  "spoor-error-follower.service",
  "spoor-login-follower.service",
  "spoor-session-follower.service",
];

/** The unit `spoor server install` writes. */
export const SERVER_UNITS = ["spoor-server.service"];

const HAVE_SYSTEMD = "[ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1";

/**
 * Shell that restarts those of `units` that are running (an upgrade: the new code takes over,
 * config and spool stay). Units that are stopped or not installed are left alone; a package
 * never starts or enables anything.
 * @param {readonly string[]} units
 * @returns {string}
 */
export function tryRestartUnits(units) {
  return `if ${HAVE_SYSTEMD}; then\n  systemctl try-restart ${units.join(" ")} >/dev/null 2>&1 || true\nfi\n`;
}

/**
 * Shell run when a package is removed (not upgraded): stops those of `units` that are running
 * (their programs are about to disappear) and, when unit files remain, says which command
 * removes them. Leaves /etc/spoor, /var/lib/spoor*, the unit files and the hook registration
 * to the CLI (`spoor uninstall`).
 * @param {readonly string[]} units
 * @param {string} uninstall the command that removes the units
 * @returns {string}
 */
export function stopUnitsOnRemove(units, uninstall) {
  const files = units.map((unit) => `/etc/systemd/system/${unit}`).join(" ");
  return [
    `if ${HAVE_SYSTEMD}; then`,
    `  systemctl stop ${units.join(" ")} >/dev/null 2>&1 || true`,
    "fi",
    `if ls ${files} >/dev/null 2>&1; then`,
    `  echo "units remain in /etc/systemd/system; run '${uninstall}' before removing the package next time" >&2`,
    "fi",
    "",
  ].join("\n");
}

/**
 * Debian postinst: on `configure` after an upgrade ($2 = the old version), try-restart.
 * @param {readonly string[]} units
 * @returns {string}
 */
export function debPostinst(units) {
  return `#!/bin/sh\nset -e\nif [ "$1" = configure ] && [ -n "$2" ]; then\n${indent(tryRestartUnits(units))}fi\nexit 0\n`;
}

/**
 * Debian prerm: on `remove` (not `upgrade`), stop the running units.
 * @param {readonly string[]} units
 * @param {string} uninstall
 * @returns {string}
 */
export function debPrerm(units, uninstall) {
  return `#!/bin/sh\nset -e\nif [ "$1" = remove ]; then\n${indent(stopUnitsOnRemove(units, uninstall))}fi\nexit 0\n`;
}

/**
 * RPM scriptlets: %post try-restarts the running units on an upgrade ($1 ≥ 2: the new
 * package's files are in place, and the new package, not the old one, decides), %preun stops
 * them on erase ($1 = 0).
 * @param {readonly string[]} units
 * @param {string} uninstall
 * @returns {string}
 */
export function rpmScriptlets(units, uninstall) {
  return `%post\nif [ "$1" -ge 2 ]; then\n${indent(tryRestartUnits(units))}fi\n\n%preun\nif [ "$1" -eq 0 ]; then\n${indent(stopUnitsOnRemove(units, uninstall))}fi\n`;
}

function indent(text) {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}
