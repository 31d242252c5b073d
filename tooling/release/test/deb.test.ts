import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, test } from "vitest";
import { SERVER_UNITS, UNITS } from "../src/maintainer-scripts.js";
import { rootManifest, sh, version } from "./support.js";

const scratch = mkdtempSync(join(tmpdir(), "spoor-deb-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const deb = (name: string): string => join(inject("releaseDir"), `${name}_${version}_amd64.deb`);
const contents = (name: string): string[] =>
  sh("dpkg-deb", ["-c", deb(name)])
    .trim()
    .split("\n")
    .map((line) => line.split(/\s+/).slice(5).join(" "));

function scripts(name: string): { postinst: string; prerm: string } {
  const directory = join(scratch, name);
  sh("dpkg-deb", ["-e", deb(name), directory]);
  return {
    postinst: readFileSync(join(directory, "postinst"), "utf8"),
    prerm: readFileSync(join(directory, "prerm"), "utf8"),
  };
}

describe("the agent .deb", () => {
  test("control: name, version, amd64, glibc 2.28 floor, installed size, the root package.json's homepage", () => {
    const info = sh("dpkg-deb", ["-I", deb("spoor")]);
    expect(info).toMatch(/^ Package: spoor$/m);
    expect(info).toMatch(new RegExp(`^ Version: ${version.replaceAll(".", "\\.")}$`, "m"));
    expect(info).toMatch(/^ Architecture: amd64$/m);
    expect(info).toMatch(/^ Depends: libc6 \(>= 2\.28\), libstdc\+\+6, libgcc-s1$/m);
    expect(info).toContain(` Homepage: ${rootManifest.homepage}\n`);
    expect(Number(/^ Installed-Size: (\d+)$/m.exec(info)?.[1])).toBeGreaterThan(50_000);
  });

  test("contents: /opt/spoor owned by root, /usr/bin/spoor → /opt/spoor/bin/spoor, nothing in /etc or /var, no native code", () => {
    const lines = sh("dpkg-deb", ["-c", deb("spoor")])
      .trim()
      .split("\n");
    expect(lines.every((line) => line.split(/\s+/)[1] === "root/root")).toBe(true);
    const paths = contents("spoor");
    expect(paths).toContain("./usr/bin/spoor -> /opt/spoor/bin/spoor");
    expect(paths).toContain("./opt/spoor/runtime/bin/node");
    expect(paths).toContain("./opt/spoor/bin/spoor");
    expect(paths.filter((path) => /^\.\/(etc|var|lib\/systemd)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => path.endsWith(".node"))).toEqual([]);
  });

  test("maintainer scripts never start or enable; an upgrade try-restarts running units, removal stops them", () => {
    const { postinst, prerm } = scripts("spoor");
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

describe("the server .deb", () => {
  test("depends on spoor of the same version and on the driver's glibc and libstdc++", () => {
    const info = sh("dpkg-deb", ["-I", deb("spoor-server")]);
    expect(info).toMatch(/^ Package: spoor-server$/m);
    expect(info).toMatch(
      new RegExp(
        `^ Depends: spoor \\(= ${version.replaceAll(".", "\\.")}\\), libc6 \\(>= 2\\.\\d+\\), libstdc\\+\\+6 \\(>= \\d+\\)$`,
        "m",
      ),
    );
  });

  test("contents: /opt/spoor-server, the link in /opt/spoor, /usr/bin/spoor-server; one native file", () => {
    const paths = contents("spoor-server");
    expect(paths).toContain("./usr/bin/spoor-server -> /opt/spoor-server/bin/spoor-server");
    expect(paths).toContain(
      "./opt/spoor/lib/spoor/node_modules/@spoor/server -> ../../../../../spoor-server/lib/spoor-server",
    );
    const files = paths.filter((path) => !path.endsWith("/") && !path.includes(" -> "));
    expect(files.filter((path) => !path.startsWith("./opt/spoor-server/"))).toEqual([]);
    expect(paths.filter((path) => path.endsWith(".node"))).toHaveLength(1);
  });

  test("its scripts try-restart spoor-server.service on upgrade and stop it on removal, nothing more", () => {
    const { postinst, prerm } = scripts("spoor-server");
    for (const script of [postinst, prerm]) sh("sh", ["-n"], { input: script });
    expect(postinst).toContain(`systemctl try-restart ${SERVER_UNITS.join(" ")} `);
    expect(prerm).toContain(`systemctl stop ${SERVER_UNITS.join(" ")} `);
    expect(`${postinst}${prerm}`).not.toMatch(/systemctl (start|enable|restart)\b/);
  });
});
