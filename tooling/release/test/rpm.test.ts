import { join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import { SERVER_UNITS, UNITS } from "../src/maintainer-scripts.js";
import { rootManifest, sh, version } from "./support.js";

const query = (name: string, ...args: string[]): string =>
  sh("rpm", ["-qp", ...args, join(inject("releaseDir"), `${name}-${version}-1.x86_64.rpm`)]);

/** `rpm -qp --requires`, without rpm's own features and the scriptlets' /bin/sh. */
const requires = (name: string): string[] =>
  query(name, "--requires")
    .trim()
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => !line.startsWith("rpmlib(") && line !== "/bin/sh")
    .sort();

describe("the agent .rpm (EL8 and later)", () => {
  test("name, version, x86_64, gzip payload EL8 reads, the root package.json's URL, a fixed build host", () => {
    expect(
      query(
        "spoor",
        "--qf",
        "%{NAME} %{VERSION} %{RELEASE} %{ARCH} %{PAYLOADCOMPRESSOR} %{URL} %{BUILDHOST}",
      ),
    ).toBe(`spoor ${version} 1 x86_64 gzip ${rootManifest.homepage} spoor-release`);
  });

  test("files: /opt/spoor and the /usr/bin/spoor link, nothing in /etc or /var, no native addon", () => {
    const files = query("spoor", "--list").trim().split("\n");
    expect(files).toContain("/usr/bin/spoor");
    expect(files).toContain("/opt/spoor/runtime/bin/node");
    expect(files).toContain("/opt/spoor/lib/spoor/oclif.manifest.json");
    expect(
      files.filter(
        (path) =>
          !path.startsWith("/opt/spoor/") && path !== "/opt/spoor" && path !== "/usr/bin/spoor",
      ),
    ).toEqual([]);
    expect(
      files.filter((path) => path.endsWith(".node") || path.includes("@spoor/server")),
    ).toEqual([]);
    expect(query("spoor", "--qf", "[%{FILENAMES} -> %{FILELINKTOS}\\n]")).toContain(
      "/usr/bin/spoor -> /opt/spoor/bin/spoor",
    );
  });

  test("requires only glibc ≥ 2.28, libstdc++ and coreutils (nothing scanned out of node_modules)", () => {
    expect(requires("spoor")).toEqual(["coreutils", "glibc >= 2.28", "libstdc++"]);
  });

  test("scriptlets: %post try-restarts running units on upgrade, %preun stops them on erase, never start or enable", () => {
    const scripts = query("spoor", "--scripts");
    expect(scripts).toMatch(
      /postinstall scriptlet[\s\S]*if \[ "\$1" -ge 2 \][\s\S]*systemctl try-restart/,
    );
    expect(scripts).toMatch(
      /preuninstall scriptlet[\s\S]*if \[ "\$1" -eq 0 \][\s\S]*systemctl stop/,
    );
    expect(scripts).toContain(UNITS.join(" "));
    expect(scripts).not.toMatch(/systemctl (start|enable|restart)\b/);
    expect(scripts).not.toMatch(/postuninstall scriptlet/);
  });
});

describe("the server .rpm (EL9 and later: its driver's glibc)", () => {
  test("files: /opt/spoor-server, the link into /opt/spoor, /usr/bin/spoor-server", () => {
    const files = query("spoor-server", "--list").trim().split("\n");
    expect(files).toContain("/usr/bin/spoor-server");
    expect(files).toContain("/opt/spoor/lib/spoor/node_modules/@spoor/server");
    expect(
      files.filter(
        (path) =>
          !path.startsWith("/opt/spoor-server") &&
          !/^\/(usr\/bin\/spoor-server|opt\/spoor\/lib\/spoor\/node_modules\/@spoor\/server)$/.test(
            path,
          ),
      ),
    ).toEqual([]);
    expect(files.filter((path) => path.endsWith(".node"))).toHaveLength(1);
  });

  test("requires spoor of the same release and the glibc and libstdc++ symbol versions its driver needs", () => {
    const [glibc, glibcxx, spoor] = requires("spoor-server");
    expect(glibc).toMatch(/^libc\.so\.6\(GLIBC_2\.\d+\)\(64bit\)$/);
    expect(glibcxx).toMatch(/^libstdc\+\+\.so\.6\(GLIBCXX_3\.4\.\d+\)\(64bit\)$/);
    expect(spoor).toBe(`spoor = ${version}-1`);
  });

  test("scriptlets: try-restart spoor-server.service on upgrade, stop it on erase", () => {
    const scripts = query("spoor-server", "--scripts");
    expect(scripts).toMatch(
      /postinstall scriptlet[\s\S]*systemctl try-restart spoor-server\.service /,
    );
    expect(scripts).toMatch(/preuninstall scriptlet[\s\S]*systemctl stop spoor-server\.service /);
    expect(scripts).toContain(SERVER_UNITS.join(" "));
    expect(scripts).not.toMatch(/systemctl (start|enable|restart)\b/);
  });
});
