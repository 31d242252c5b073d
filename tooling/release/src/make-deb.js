import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { debPostinst, debPrerm } from "./maintainer-scripts.js";
import { runAsync } from "./run.js";

/**
 * The `DEBIAN/control` of a package.
 * @param {import("./package-definitions.js").PackageDefinition} definition
 * @param {{ version: string, installedKiB: number, homepage: string }} options
 * @returns {string}
 */
export function debControl(definition, options) {
  const words = definition.description.split(" ");
  const lines = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${word}`.length <= 90) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return [
    `Package: ${definition.name}`,
    `Version: ${options.version}`,
    "Architecture: amd64",
    "Maintainer: spoor maintainers <spoor@localhost>",
    `Installed-Size: ${options.installedKiB}`,
    `Depends: ${definition.debDepends.join(", ")}`,
    "Section: admin",
    "Priority: optional",
    `Homepage: ${options.homepage}`,
    `Description: ${definition.summary.toLowerCase()}`,
    ...lines.map((line) => ` ${line}`),
    "",
  ].join("\n");
}

/**
 * Builds a .deb of the payload staged under `root` (paths as on the target: root/opt/…; every
 * mtime already the epoch) with dpkg-deb: owner root, mtimes clamped to the epoch, gzip payload, maintainer scripts that only ever
 * try-restart (upgrade) or stop (removal) the package's running units. `root/DEBIAN` is
 * written for the build and removed after.
 * @param {{ root: string, definition: import("./package-definitions.js").PackageDefinition, version: string, epoch: number, installedKiB: number, homepage: string, output: string }} options
 * @returns {Promise<void>}
 * @throws Error (rejects) when dpkg-deb fails.
 */
export async function makeDeb(options) {
  const { root, definition } = options;
  const control = join(root, "DEBIAN");
  mkdirSync(control);
  try {
    writeFileSync(join(control, "control"), debControl(definition, options));
    for (const [name, body] of [
      ["postinst", debPostinst(definition.units)],
      ["prerm", debPrerm(definition.units, definition.uninstall)],
    ]) {
      writeFileSync(join(control, name), body);
      chmodSync(join(control, name), 0o755);
    }
    await runAsync(
      "dpkg-deb",
      ["--root-owner-group", "-Zgzip", "-z6", "--build", root, options.output],
      {
        env: { ...process.env, SOURCE_DATE_EPOCH: String(options.epoch) },
      },
    );
  } finally {
    rmSync(control, { recursive: true, force: true });
  }
}
