import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stopUnitsOnRemove, tryRestartUnits } from "./maintainer-scripts.js";
import { run } from "./run.js";

/**
 * The RPM spec: the staged /opt/spoor tree copied as it is (no strip, no debuginfo, no
 * byte-compiling, no automatic dependencies scanned out of node_modules), gzip payload (EL8's
 * rpm reads it), explicit requirements (glibc ≥ 2.28, libstdc++), and scriptlets that only
 * try-restart running units on upgrade and stop them on erase.
 * @param {{ version: string, optTree: string }} options
 * @returns {string}
 */
export function rpmSpec(options) {
  return `Name: spoor
Version: ${options.version}
Release: 1
Summary: Early warning of compromised mailboxes on cPanel servers
License: MIT
URL: https://github.com/spoor-project/spoor
BuildArch: x86_64
AutoReqProv: no
Requires: glibc >= 2.28
Requires: libstdc++
Requires: coreutils

%global debug_package %{nil}
%global __os_install_post %{nil}
%global _build_id_links none

%description
The spoor agent tails cPanel's logs, spools mailbox-takeover events and sends them to a Spoor
API. Self-contained under /opt/spoor with its own Node.js runtime. Run 'spoor install' to
configure it; the package never starts or enables anything.

%install
mkdir -p %{buildroot}/opt %{buildroot}/usr/bin
cp -a ${options.optTree} %{buildroot}/opt/spoor
ln -s /opt/spoor/bin/spoor %{buildroot}/usr/bin/spoor

%preun
if [ "$1" -eq 0 ]; then
${stopUnitsOnRemove()}fi

%postun
if [ "$1" -ge 1 ]; then
${tryRestartUnits()}fi

%files
%defattr(-,root,root,-)
/opt/spoor
/usr/bin/spoor
`;
}

/**
 * Builds `spoor-<version>-1.x86_64.rpm` with rpmbuild (Debian's `rpm` package), reproducibly:
 * build time and every file mtime clamped to the epoch, a fixed build host.
 * @param {{ optTree: string, work: string, version: string, epoch: number, outputDir: string }} options
 * @returns {string} the path of the .rpm
 * @throws Error when rpmbuild is missing or fails.
 */
export function makeRpm(options) {
  const top = join(options.work, "rpmbuild");
  mkdirSync(join(top, "SPECS"), { recursive: true });
  const spec = join(top, "SPECS/spoor.spec");
  writeFileSync(spec, rpmSpec(options));
  const defines = {
    _topdir: top,
    _rpmdir: options.outputDir,
    _build_name_fmt: "%%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
    _binary_payload: "w6.gzdio",
    _buildhost: "spoor-release",
    use_source_date_epoch_as_buildtime: "1",
    clamp_mtime_to_source_epoch: "1",
    _source_date_epoch_from_changelog: "0",
    _binary_filedigest_algorithm: "8",
  };
  const args = Object.entries(defines).flatMap(([key, value]) => ["--define", `${key} ${value}`]);
  run("rpmbuild", [...args, "--target", "x86_64-linux", "--quiet", "-bb", spec], {
    env: { ...process.env, SOURCE_DATE_EPOCH: String(options.epoch), LC_ALL: "C" },
  });
  return join(options.outputDir, `spoor-${options.version}-1.x86_64.rpm`);
}
