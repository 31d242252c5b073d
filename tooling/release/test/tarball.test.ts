import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { outcome, pathWithoutNode, rootManifest, runtimeVersion, sh, version } from "./support.js";

const work = mkdtempSync(join(tmpdir(), "spoor-tarball-test-"));
const tree = join(work, "spoor");
let tarball = "";
let listing: string[] = [];

beforeAll(() => {
  tarball = join(inject("releaseDir"), `spoor-${version}-linux-x64.tar.gz`);
  listing = sh("tar", ["--numeric-owner", "-tvzf", tarball]).trim().split("\n");
  sh("tar", ["-C", work, "-xzf", tarball]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `tar -tv` line → mode, owner, path (GNU tar: "-rw-r--r-- 0/0 123 2026-01-01 00:00 path"). */
function entry(line: string): { mode: string; owner: string; path: string } {
  const [mode = "", owner = "", , , , ...rest] = line.split(/\s+/);
  return { mode, owner, path: rest.join(" ") };
}

describe("the /opt/spoor tarball", () => {
  test("every entry is owned by 0/0, under spoor/, never group- or world-writable", () => {
    expect(listing.length).toBeGreaterThan(1000);
    for (const line of listing) {
      const { mode, owner, path } = entry(line);
      expect(owner, line).toBe("0/0");
      expect(path.startsWith("spoor/"), line).toBe(true);
      expect(mode[5], line).not.toBe("w");
      expect(mode[8], line).not.toBe("w");
    }
  });

  test("holds the runtime, the launcher, the CLI with its manifest, the daemons and the hook", () => {
    const modes = new Map(listing.map((line) => [entry(line).path, entry(line).mode]));
    expect(modes.get("spoor/runtime/bin/node")).toBe("-rwxr-xr-x");
    expect(modes.get("spoor/bin/spoor")).toBe("-rwxr-xr-x");
    expect(modes.get("spoor/lib/spoor/oclif.manifest.json")).toBe("-rw-r--r--");
    expect(modes.get("spoor/lib/spoor/bin/run.js")).toBeDefined();
    expect(
      modes.get("spoor/lib/spoor/node_modules/@spoor/daemons/bin/spoor-agent.js"),
    ).toBeDefined();
    expect(modes.get("spoor/lib/spoor/node_modules/@spoor/cpanel-hook/dist/hook.js")).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(tree, "lib/spoor/oclif.manifest.json"), "utf8"));
    expect(manifest.version).toBe(version);
    expect(Object.keys(manifest.commands)).toEqual(
      expect.arrayContaining(["install", "uninstall", "parse", "doctor"]),
    );
  });

  test("has no native addon, no server or SQLite driver, no symlink and no pnpm leftovers", () => {
    const paths = listing.map((line) => entry(line).path);
    expect(paths.filter((path) => path.endsWith(".node"))).toEqual([]);
    expect(
      paths.filter((path) =>
        /node_modules\/(better-sqlite3|bindings|@spoor\/server|\.bin|\.pnpm)(\/|$)/.test(path),
      ),
    ).toEqual([]);
    expect(listing.filter((line) => line.startsWith("l") || line.startsWith("h"))).toEqual([]);
    expect(paths.filter((path) => /pnpm-(lock|workspace)\.yaml$/.test(path))).toEqual([]);
    // Workspace packages are copies in the tree, so nothing resolves @spoor/* from a registry.
    for (const name of ["agent", "config", "cpanel-hook", "daemons", "parsers", "spool"]) {
      expect(lstatSync(join(tree, "lib/spoor/node_modules/@spoor", name)).isDirectory()).toBe(true);
    }
  });

  test("the shipped manifest carries the root package.json's addresses and versioned dependencies", () => {
    const shipped = JSON.parse(readFileSync(join(tree, "lib/spoor/package.json"), "utf8"));
    expect(shipped.homepage).toBe(rootManifest.homepage);
    expect(shipped.bugs).toBe(rootManifest.bugs);
    expect(shipped.repository).toEqual({
      type: "git",
      url: rootManifest.repository.url,
      directory: "apps/cli",
    });
    expect(shipped.dependencies["@spoor/agent"]).toBe(version);
    expect(shipped.devDependencies).toBeUndefined();
  });

  test("every entry carries the same mtime (SOURCE_DATE_EPOCH)", () => {
    const stamps = new Set(listing.map((line) => line.split(/\s+/).slice(3, 5).join(" ")));
    expect(stamps.size).toBe(1);
  });
});

describe("bin/spoor from the extracted tree, with no node on PATH", () => {
  let noNode = "";
  beforeAll(() => {
    noNode = pathWithoutNode(work);
  });
  const env = (): NodeJS.ProcessEnv => ({ PATH: noNode });

  test("the PATH given really has no node", () => {
    const path = env().PATH ?? "";
    expect(existsSync(join(path, "node"))).toBe(false);
    expect(() => sh("/bin/sh", ["-c", "command -v node"], { env: { PATH: path } })).toThrow();
  });

  test("help reads the oclif manifests of the CLI and of its plugins, never the command modules", () => {
    const run = outcome(join(tree, "bin/spoor"), ["--help"], {
      env: { ...env(), DEBUG: "oclif:config:*" },
    });
    expect(run.status).toBe(0);
    for (const manifest of [
      "lib/spoor/oclif.manifest.json",
      "lib/spoor/node_modules/@spoor/plugin-server/oclif.manifest.json",
      "lib/spoor/node_modules/@spoor/plugin-spool/oclif.manifest.json",
    ]) {
      expect(run.stderr).toContain(`using manifest from ${join(tree, manifest)}`);
    }
    expect(run.stdout).toMatch(/^ {2}server +/m);
  });

  test("without the server package, `spoor server …` says so in one line and exits 1", () => {
    const run = outcome(
      join(tree, "bin/spoor"),
      ["server", "credentials", "list", "--db", `sqlite:${join(work, "absent.sqlite")}`],
      { env: env() },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "Error: the spoor server is not installed here: install the spoor-server package (it puts the server and its SQLite driver in /opt/spoor-server), then run this again.\n",
    );
    expect(existsSync(join(work, "absent.sqlite"))).toBe(false);
  });

  test("--version reports the CLI and the shipped runtime", () => {
    const out = sh(join(tree, "bin/spoor"), ["--version"], { env: env() });
    expect(out).toContain(`@spoor/cli/${version}`);
    expect(out).toContain(`node-v${runtimeVersion}`);
  });

  test("spoor parse login turns a login_log line into JSON", () => {
    const line =
      '[2024-08-16 17:46:51 +0000] info [whostmgrd] 192.0.2.4 - kotlinx "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: login attempt to whm by a non-reseller/root\n';
    const out = sh(join(tree, "bin/spoor"), ["parse", "login"], { env: env(), input: line });
    const parsed = JSON.parse(out.trim());
    expect(parsed).toMatchObject({
      type: "login",
      ip: "192.0.2.4",
      credential: "kotlinx",
    });
  });

  test("spoor install writes units and a hook that run the shipped runtime", () => {
    const root = mkdtempSync(join(tmpdir(), "spoor-tarball-root-"));
    try {
      sh(
        join(tree, "bin/spoor"),
        [
          "install",
          "--non-interactive",
          "--api-identifier",
          "host-1",
          "--root",
          root,
          "--layout",
          "units",
        ],
        { env: { ...env(), SPOOR_API_SECRET: "not-a-real-secret" } },
      );
      const node = join(tree, "runtime/bin/node");
      const unit = readFileSync(join(root, "etc/systemd/system/spoor-transmitter.service"), "utf8");
      expect(unit).toMatch(
        new RegExp(
          `^ExecStart=${node} .*${tree}/lib/spoor/node_modules/@spoor/daemons/bin/spoor-transmitter\\.js`,
          "m",
        ),
      );
      const hook = readFileSync(
        join(root, "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"),
        "utf8",
      );
      expect(hook.split("\n")[0]).toBe(`#!${node}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
