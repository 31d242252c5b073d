import { join } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { UNITS } from "../src/maintainer-scripts.js";
import { sh, version } from "./support.js";

let rpm = "";
beforeAll(() => {
  rpm = join(inject("releaseDir"), `spoor-${version}-1.x86_64.rpm`);
});

const query = (...args: string[]): string => sh("rpm", ["-qp", ...args, rpm]);

describe("the .rpm (EL8 and later)", () => {
  test("name, version, x86_64, gzip payload EL8 reads", () => {
    expect(query("--qf", "%{NAME} %{VERSION} %{RELEASE} %{ARCH} %{PAYLOADCOMPRESSOR}")).toBe(
      `spoor ${version} 1 x86_64 gzip`,
    );
  });

  test("files: /opt/spoor and the /usr/bin/spoor link, nothing in /etc or /var, no native addon", () => {
    const files = query("--list").trim().split("\n");
    expect(files).toContain("/usr/bin/spoor");
    expect(files).toContain("/opt/spoor/runtime/bin/node");
    expect(files).toContain("/opt/spoor/lib/spoor/oclif.manifest.json");
    expect(
      files.filter((path) => !path.startsWith("/opt/spoor") && path !== "/usr/bin/spoor"),
    ).toEqual([]);
    expect(files.filter((path) => path.endsWith(".node"))).toEqual([]);
    expect(query("--qf", "[%{FILENAMES} -> %{FILELINKTOS}\\n]")).toContain(
      "/usr/bin/spoor -> /opt/spoor/bin/spoor",
    );
  });

  test("requires only glibc ≥ 2.28, libstdc++, coreutils, the scriptlets' /bin/sh and rpm's own features (no scanned node deps)", () => {
    const requires = query("--requires")
      .trim()
      .split("\n")
      .filter((line) => !line.startsWith("rpmlib(") && line !== "/bin/sh");
    expect(requires.sort()).toEqual(["coreutils", "glibc >= 2.28", "libstdc++"]);
  });

  test("scriptlets: try-restart running units on upgrade, stop on erase, never start or enable", () => {
    const scripts = query("--scripts");
    expect(scripts).toMatch(
      /postuninstall scriptlet[\s\S]*if \[ "\$1" -ge 1 \][\s\S]*systemctl try-restart/,
    );
    expect(scripts).toMatch(
      /preuninstall scriptlet[\s\S]*if \[ "\$1" -eq 0 \][\s\S]*systemctl stop/,
    );
    expect(scripts).toContain(UNITS.join(" "));
    expect(scripts).not.toMatch(/systemctl (start|enable|restart)\b/);
    expect(scripts).not.toMatch(/postinstall scriptlet/);
  });
});
