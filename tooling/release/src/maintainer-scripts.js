/** Every unit `spoor install` may write (both layouts). */
export const UNITS = [
  "spoor-agent.service",
  "spoor-transmitter.service",
  "spoor-access-follower.service",
  "spoor-error-follower.service",
  "spoor-login-follower.service",
  "spoor-session-follower.service",
];

const HAVE_SYSTEMD = "[ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1";

/**
 * Shell that restarts the spoor units that are running (an upgrade: the new code takes over,
 * config and spool stay). Units that are stopped or not installed are left alone; the package
 * never starts or enables anything.
 */
export function tryRestartUnits() {
  return `if ${HAVE_SYSTEMD}; then\n  systemctl try-restart ${UNITS.join(" ")} >/dev/null 2>&1 || true\nfi\n`;
}

/**
 * Shell run when the package is removed (not upgraded): stops running spoor units (their
 * programs are about to disappear) and says how to remove the rest. Leaves /etc/spoor,
 * /var/lib/spoor, the unit files and the hook registration to `spoor uninstall`.
 */
export function stopUnitsOnRemove() {
  return [
    `if ${HAVE_SYSTEMD}; then`,
    `  systemctl stop ${UNITS.join(" ")} >/dev/null 2>&1 || true`,
    "fi",
    `if ls /etc/systemd/system/spoor-*.service >/dev/null 2>&1; then`,
    `  echo "spoor: units remain in /etc/systemd/system; run 'spoor uninstall --now' before removing the package next time" >&2`,
    "fi",
    "",
  ].join("\n");
}

/** Debian postinst: on `configure` after an upgrade ($2 = old version), try-restart. */
export function debPostinst() {
  return `#!/bin/sh\nset -e\nif [ "$1" = configure ] && [ -n "$2" ]; then\n${indent(tryRestartUnits())}fi\nexit 0\n`;
}

/** Debian prerm: on `remove` (not `upgrade`), stop running units. */
export function debPrerm() {
  return `#!/bin/sh\nset -e\nif [ "$1" = remove ]; then\n${indent(stopUnitsOnRemove())}fi\nexit 0\n`;
}

function indent(text) {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}
