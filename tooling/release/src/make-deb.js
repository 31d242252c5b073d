import { chmodSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { debPostinst, debPrerm } from "./maintainer-scripts.js";
import { run } from "./run.js";

/**
 * Builds `spoor_<version>_amd64.deb` from the staged /opt/spoor tree with dpkg-deb: owner
 * root, every mtime the epoch, gzip payload, `/usr/bin/spoor` → `/opt/spoor/bin/spoor`,
 * maintainer scripts that only ever try-restart (upgrade) or stop (removal) running units.
 * @param {{ optTree: string, work: string, version: string, epoch: number, installedKiB: number, output: string }} options
 * @returns {void}
 * @throws Error when dpkg-deb fails.
 */
export function makeDeb(options) {
  const root = join(options.work, "deb-root");
  mkdirSync(join(root, "opt"), { recursive: true });
  cpSync(options.optTree, join(root, "opt/spoor"), { recursive: true, verbatimSymlinks: true });
  mkdirSync(join(root, "usr/bin"), { recursive: true });
  symlinkSync("/opt/spoor/bin/spoor", join(root, "usr/bin/spoor"));
  mkdirSync(join(root, "DEBIAN"));
  writeFileSync(
    join(root, "DEBIAN/control"),
    [
      "Package: spoor",
      `Version: ${options.version}`,
      "Architecture: amd64",
      "Maintainer: spoor maintainers <spoor@localhost>",
      `Installed-Size: ${options.installedKiB}`,
      "Depends: libc6 (>= 2.28), libstdc++6, libgcc-s1",
      "Section: admin",
      "Priority: optional",
      "Homepage: https://github.com/spoor-project/spoor",
      "Description: early warning of compromised mailboxes on cPanel servers",
      " The spoor agent tails cPanel's logs, spools mailbox-takeover events and sends them to a",
      " Spoor API. Self-contained under /opt/spoor with its own Node.js runtime. Run",
      " 'spoor install' to configure it; the package never starts or enables anything.",
      "",
    ].join("\n"),
  );
  for (const [name, body] of [
    ["postinst", debPostinst()],
    ["prerm", debPrerm()],
  ]) {
    writeFileSync(join(root, "DEBIAN", name), body);
    chmodSync(join(root, "DEBIAN", name), 0o755);
  }
  run("touch", ["-h", "-d", `@${options.epoch}`, ...listAll(root)]);
  run("dpkg-deb", ["--root-owner-group", "-Zgzip", "-z6", "--build", root, options.output], {
    env: { ...process.env, SOURCE_DATE_EPOCH: String(options.epoch) },
  });
}

function listAll(root) {
  return run("find", [root, "-print0"]).split("\0").filter(Boolean);
}
