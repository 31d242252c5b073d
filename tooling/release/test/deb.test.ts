import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { UNITS } from "../src/maintainer-scripts.js";
import { sh, version } from "./support.js";

let deb = "";
beforeAll(() => {
  deb = join(inject("releaseDir"), `spoor_${version}_amd64.deb`);
});

describe("the .deb", () => {
  test("control: name, version, amd64, glibc 2.28 floor, installed size", () => {
    const info = sh("dpkg-deb", ["-I", deb]);
    expect(info).toMatch(/^ Package: spoor$/m);
    expect(info).toMatch(new RegExp(`^ Version: ${version.replaceAll(".", "\\.")}$`, "m"));
    expect(info).toMatch(/^ Architecture: amd64$/m);
    expect(info).toMatch(/^ Depends: libc6 \(>= 2\.28\)/m);
    expect(Number(/^ Installed-Size: (\d+)$/m.exec(info)?.[1])).toBeGreaterThan(50_000);
    expect(info).toMatch(/ postinst\b/);
    expect(info).toMatch(/ prerm\b/);
  });

  test("contents: /opt/spoor owned by root, /usr/bin/spoor → /opt/spoor/bin/spoor, nothing in /etc or /var", () => {
    const lines = sh("dpkg-deb", ["-c", deb]).trim().split("\n");
    expect(lines.every((line) => line.split(/\s+/)[1] === "root/root")).toBe(true);
    const paths = lines.map((line) => line.split(/\s+/).slice(5).join(" "));
    expect(paths).toContain("./usr/bin/spoor -> /opt/spoor/bin/spoor");
    expect(paths).toContain("./opt/spoor/runtime/bin/node");
    expect(paths).toContain("./opt/spoor/bin/spoor");
    expect(paths.filter((path) => /^\.\/(etc|var|lib\/systemd)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => path.endsWith(".node"))).toEqual([]);
  });

  test("maintainer scripts never start or enable; an upgrade try-restarts running units", () => {
    const scripts = join(inject("releaseDir"), "..", "deb-control");
    sh("dpkg-deb", ["-e", deb, scripts]);
    const postinst = readFileSync(join(scripts, "postinst"), "utf8");
    const prerm = readFileSync(join(scripts, "prerm"), "utf8");
    for (const script of [postinst, prerm]) {
      sh("sh", ["-n"], { input: script });
      expect(script).not.toMatch(/systemctl (start|enable|restart|daemon-reload)\b/);
      expect(script).not.toMatch(/\/(etc|var\/lib)\/spoor/);
    }
    expect(postinst).toContain(`systemctl try-restart ${UNITS.join(" ")}`);
    expect(postinst).toMatch(/if \[ "\$1" = configure \] && \[ -n "\$2" \]/);
    expect(prerm).toMatch(/if \[ "\$1" = remove \]/);
    expect(prerm).toContain(`systemctl stop ${UNITS.join(" ")}`);
  });
});
