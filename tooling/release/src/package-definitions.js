import { SERVER_UNITS, UNITS } from "./maintainer-scripts.js";

/**
 * @typedef {object} PackageDefinition
 * @property {string} name
 * @property {string} summary one line
 * @property {string} description a paragraph
 * @property {string[]} debDepends `Depends:` entries
 * @property {string[]} rpmRequires `Requires:` entries
 * @property {string[]} files absolute paths the package owns (a directory: with everything in it)
 * @property {string[]} units the units its scripts try-restart on upgrade and stop on removal
 * @property {string} uninstall the command that removes those units
 */

/** GCC release that brought each libstdc++ symbol version (libstdc++'s ABI policy). */
const GCC_OF_GLIBCXX = {
  "3.4.25": 8,
  "3.4.26": 9,
  "3.4.28": 10,
  "3.4.29": 11,
  "3.4.30": 12,
  "3.4.31": 13,
  "3.4.32": 14,
  "3.4.33": 15,
};

/**
 * The agent package: /opt/spoor (runtime, CLI, daemons, hook) and /usr/bin/spoor. No native
 * code: the runtime's glibc 2.28 floor (EL8) is the package's.
 * @returns {PackageDefinition}
 */
export function agentPackage() {
  return {
    name: "spoor",
    summary: "Early warning of compromised mailboxes on cPanel servers",
    description:
      "The spoor agent tails cPanel's logs, spools mailbox-takeover events and sends them to a Spoor API. Self-contained under /opt/spoor with its own Node.js runtime. Run 'spoor install' to configure it; the package never starts or enables anything.",
    debDepends: ["libc6 (>= 2.28)", "libstdc++6", "libgcc-s1"],
    rpmRequires: ["glibc >= 2.28", "libstdc++", "coreutils"],
    files: ["/opt/spoor", "/usr/bin/spoor"],
    units: UNITS,
    uninstall: "spoor uninstall --now",
  };
}

/**
 * The server package: /opt/spoor-server (the server, its native SQLite driver), the link that
 * lets the agent's CLI load it, /usr/bin/spoor-server. It runs on the agent package's runtime,
 * so it depends on spoor of the same version, and on the C and C++ libraries its driver was
 * linked against (`floor`, from the built addon).
 * @param {string} version
 * @param {{ glibc: string, glibcxx: string | undefined }} floor see glibc-floor.js
 * @param {string} link absolute path of the link (/opt/spoor/lib/spoor/node_modules/@spoor/server)
 * @returns {PackageDefinition}
 * @throws Error for a libstdc++ symbol version this table does not know.
 */
export function serverPackage(version, floor, link) {
  const debDepends = [`spoor (= ${version})`, `libc6 (>= ${floor.glibc})`];
  const rpmRequires = [`spoor = ${version}-1`, `libc.so.6(GLIBC_${floor.glibc})(64bit)`];
  if (floor.glibcxx !== undefined) {
    const gcc = GCC_OF_GLIBCXX[floor.glibcxx];
    if (gcc === undefined) throw new Error(`which GCC brought GLIBCXX_${floor.glibcxx}?`);
    debDepends.push(`libstdc++6 (>= ${gcc})`);
    rpmRequires.push(`libstdc++.so.6(GLIBCXX_${floor.glibcxx})(64bit)`);
  }
  return {
    name: "spoor-server",
    summary: "Self-hosted Spoor service: ingest, correlation, alerts, notifications",
    description:
      "The spoor server and its native SQLite driver, under /opt/spoor-server, run by the Node.js runtime of the spoor package. Run 'spoor server install' to write its unit; the package never starts or enables anything.",
    debDepends,
    rpmRequires,
    files: ["/opt/spoor-server", link, "/usr/bin/spoor-server"],
    units: SERVER_UNITS,
    uninstall: "systemctl disable --now spoor-server; rm /etc/systemd/system/spoor-server.service",
  };
}
