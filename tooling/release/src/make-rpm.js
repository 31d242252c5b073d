import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rpmScriptlets } from "./maintainer-scripts.js";
import { runAsync } from "./run.js";

/**
 * The RPM spec of a package whose payload is staged under `root`: copied as it is (no strip,
 * no debuginfo, no build-id links, no byte-compiling, no automatic dependencies scanned out of
 * node_modules), explicit requirements, and scriptlets that only try-restart running units on
 * upgrade and stop them on erase.
 * @param {import("./package-definitions.js").PackageDefinition} definition
 * @param {{ version: string, root: string, url: string }} options
 * @returns {string}
 */
export function rpmSpec(definition, options) {
  return `Name: ${definition.name}
Version: ${options.version}
Release: 1
Summary: ${definition.summary}
License: MIT
URL: ${options.url}
BuildArch: x86_64
AutoReqProv: no
${definition.rpmRequires.map((requirement) => `Requires: ${requirement}`).join("\n")}

%global debug_package %{nil}
%global __os_install_post %{nil}
%global _build_id_links none

%description
${definition.description}

%install
mkdir -p %{buildroot}
cp -a ${options.root}/opt ${options.root}/usr %{buildroot}/

${rpmScriptlets(definition.units, definition.uninstall)}
%files
%defattr(-,root,root,-)
${definition.files.join("\n")}
`;
}

/** rpmbuild macros that make the same input give the same bytes. */
const REPRODUCIBLE = {
  _buildhost: "spoor-release",
  use_source_date_epoch_as_buildtime: "1",
  clamp_mtime_to_source_date_epoch: "1",
  source_date_epoch_from_changelog: "0",
  _binary_payload: "w6.gzdio",
  _binary_filedigest_algorithm: "8",
  _unique_build_ids: "0",
  _build_id_links: "none",
};

/**
 * Builds `<name>-<version>-1.x86_64.rpm` into `outputDir` with rpmbuild (Debian's \`rpm\`),
 * reproducibly: build time and every file mtime clamped to the epoch, a fixed build host, gzip
 * payload (EL8's rpm reads it), files in rpm's own sorted order.
 * @param {{ root: string, work: string, definition: import("./package-definitions.js").PackageDefinition, version: string, epoch: number, url: string, outputDir: string }} options
 * @returns {Promise<string>} the path of the .rpm
 * @throws Error (rejects) when rpmbuild is missing or fails.
 */
export async function makeRpm(options) {
  const { definition } = options;
  const top = join(options.work, `rpmbuild-${definition.name}`);
  mkdirSync(join(top, "SPECS"), { recursive: true });
  const spec = join(top, "SPECS", `${definition.name}.spec`);
  writeFileSync(spec, rpmSpec(definition, options));
  const defines = {
    ...REPRODUCIBLE,
    _topdir: top,
    _rpmdir: options.outputDir,
    _build_name_fmt: "%%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
  };
  const args = Object.entries(defines).flatMap(([key, value]) => ["--define", `${key} ${value}`]);
  await runAsync("rpmbuild", [...args, "--target", "x86_64-linux", "--quiet", "-bb", spec], {
    env: { ...process.env, SOURCE_DATE_EPOCH: String(options.epoch), LC_ALL: "C", TZ: "UTC" },
  });
  return join(options.outputDir, `${definition.name}-${options.version}-1.x86_64.rpm`);
}
