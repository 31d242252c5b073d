import { chmod, lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig, resolveDefaults } from "@spoor/config";
import { ORIGINAL_CONFIG } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, modeOf, type Sandbox } from "../steps/test-support.js";
import { type InstallOptions, install } from "./install.js";

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createSandbox();
});
afterEach(async () => {
  await sandbox.cleanup();
});

const SECRET = "s3cr3t-Value-42";

function options(overrides: Partial<InstallOptions> = {}): InstallOptions {
  return {
    root: sandbox.root,
    choices: { apiIdentifier: "host-17", apiSecret: SECRET, apiHost: "http://127.0.0.1:9" },
    daemonEntries: sandbox.daemonEntries,
    hookBundlePath: sandbox.hookBundlePath,
    ...overrides,
  };
}

describe("install", () => {
  it("creates the config, directories, units and hook with their modes", async () => {
    const result = await install(options());
    const r = (path: string) => join(sandbox.root, path);
    const modes = {
      "etc/spoor": await modeOf(r("etc/spoor")),
      "etc/spoor/spoor.yml": await modeOf(r("etc/spoor/spoor.yml")),
      "var/lib/spoor": await modeOf(r("var/lib/spoor")),
      "var/lib/spoor/parsed": await modeOf(r("var/lib/spoor/parsed")),
      "var/lib/spoor/transmitted": await modeOf(r("var/lib/spoor/transmitted")),
      "var/lib/spoor/transmission_failed": await modeOf(r("var/lib/spoor/transmission_failed")),
      "var/lib/spoor/quarantine": await modeOf(r("var/lib/spoor/quarantine")),
      "var/lib/spoor/state": await modeOf(r("var/lib/spoor/state")),
      "etc/systemd/system/spoor-agent.service": await modeOf(
        r("etc/systemd/system/spoor-agent.service"),
      ),
      "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook": await modeOf(
        r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"),
      ),
    };
    expect(modes).toEqual({
      "etc/spoor": 0o700,
      "etc/spoor/spoor.yml": 0o600,
      "var/lib/spoor": 0o700,
      "var/lib/spoor/parsed": 0o700,
      "var/lib/spoor/transmitted": 0o700,
      "var/lib/spoor/transmission_failed": 0o700,
      "var/lib/spoor/quarantine": 0o700,
      "var/lib/spoor/state": 0o700,
      "etc/systemd/system/spoor-agent.service": 0o644,
      "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook": 0o755,
    });
    expect(await readdir(r("etc/systemd/system"))).toEqual(["spoor-agent.service"]);
    expect(await readFile(r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"), "utf8")).toBe(
      `#!${process.execPath}\nconsole.log('hook');\n`,
    );
    const unit = await readFile(r("etc/systemd/system/spoor-agent.service"), "utf8");
    expect(unit).toContain(
      `\nExecStart=${process.execPath} --no-sparkplug --expose-gc ${sandbox.daemonEntries["spoor-agent"]} --config ${r("etc/spoor/spoor.yml")} --root ${sandbox.root}\n`,
    );
    expect(unit).toContain(`\nReadWritePaths=${r("var/lib/spoor")}\n`);
    expect(result.outcomes.map((outcome) => outcome.action)).toEqual(Array(10).fill("created"));
    expect(result.steps.map((step) => step.argv.join(" "))).toEqual([
      "systemctl daemon-reload",
      "systemctl enable --now spoor-agent.service",
      `/usr/local/cpanel/bin/manage_hooks add script ${r("usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook")}`,
    ]);
    expect(result.loginLogging).toBe("missing");
  });

  it("writes a config that loads back with every default relocated under the root", async () => {
    await install(options());
    const path = join(sandbox.root, "etc/spoor/spoor.yml");
    const config = await loadConfig({ path });
    const logs = join(sandbox.root, "usr/local/cpanel/logs");
    const defaults = resolveDefaults(sandbox.root);
    expect(config).toEqual({
      root: "/",
      sourcePath: path,
      ignoredKeys: [],
      followers: {
        access: { name: join(logs, "access_log") },
        error: { name: join(logs, "error_log") },
        login: { name: join(logs, "login_log") },
        session: { name: join(logs, "session_log") },
      },
      transmission: {
        credentials: { api_identifier: "host-17", api_secret: SECRET },
        host: "http://127.0.0.1:9",
        ...defaults.transmission,
      },
      application: defaults.application,
    });
  });

  it("is idempotent: a re-run keeps the secret and repairs modes", async () => {
    await install(options());
    const path = join(sandbox.root, "etc/spoor/spoor.yml");
    const before = await readFile(path, "utf8");
    await chmod(path, 0o644);
    await chmod(join(sandbox.root, "var/lib/spoor/parsed"), 0o755);
    await chmod(join(sandbox.root, "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"), 0o777);
    const again = await install(options({ choices: {} }));
    expect(await readFile(path, "utf8")).toBe(before);
    expect(again.outcomes.filter((outcome) => outcome.action !== "unchanged")).toEqual([
      { path, action: "repaired", detail: "mode 0644 → 0600; content and credentials unchanged" },
      {
        path: join(sandbox.root, "var/lib/spoor/parsed"),
        action: "repaired",
        detail: "mode 0755 → 0700",
      },
      {
        path: join(sandbox.root, "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"),
        action: "repaired",
        detail: "mode 0777 → 0755",
      },
    ]);
    expect(await modeOf(path)).toBe(0o600);
    expect(await modeOf(join(sandbox.root, "var/lib/spoor/parsed"))).toBe(0o700);
    expect(again.steps.map((step) => step.argv.slice(0, 2).join(" "))).toContain(
      "systemctl restart",
    );
  });

  it("keeps a Perl-era spoor.yml byte for byte when nothing new is given", async () => {
    const path = join(sandbox.root, "etc/spoor/spoor.yml");
    await mkdir(join(sandbox.root, "etc/spoor"), { recursive: true });
    await writeFile(path, ORIGINAL_CONFIG, { mode: 0o644 });
    const result = await install(options({ choices: {} }));
    expect(await readFile(path, "utf8")).toBe(ORIGINAL_CONFIG);
    expect(await modeOf(path)).toBe(0o600);
    expect(result.followers).toEqual(["access", "error", "login"]);
    const config = await loadConfig({ path, root: sandbox.root });
    expect(config.transmission.credentials).toEqual({
      api_identifier: "0071",
      api_secret: "hunter2: true",
    });
  });

  it("updates a Perl-era spoor.yml keeping its keys and credentials", async () => {
    const path = join(sandbox.root, "etc/spoor/spoor.yml");
    await mkdir(join(sandbox.root, "etc/spoor"), { recursive: true, mode: 0o700 });
    await writeFile(path, ORIGINAL_CONFIG, { mode: 0o600 });
    const result = await install(
      options({
        choices: {
          apiHost: "https://spoor.example",
          logPaths: { session: "/usr/local/cpanel/logs/session_log" },
        },
      }),
    );
    expect(result.outcomes[1]).toEqual({
      path,
      action: "written",
      detail: "changed followers.session added, transmission.host",
    });
    const text = await readFile(path, "utf8");
    expect(text).toContain(
      '    maxinterval: "10"\n    name: /usr/local/cpanel/logs/access_log\n    transformer: bin/login_log_transformer.pl\n',
    );
    const config = await loadConfig({ path, root: sandbox.root });
    expect(config.transmission.credentials).toEqual({
      api_identifier: "0071",
      api_secret: "hunter2: true",
    });
    expect(config.transmission.host).toBe("https://spoor.example");
    expect(config.followers.session).toEqual({ name: "/usr/local/cpanel/logs/session_log" });
  });

  it("replaces the other layout's units and their boot links", async () => {
    await install(options({ layout: "units" }));
    const units = join(sandbox.root, "etc/systemd/system");
    await mkdir(join(units, "multi-user.target.wants"));
    await symlink(
      join(units, "spoor-transmitter.service"),
      join(units, "multi-user.target.wants/spoor-transmitter.service"),
    );
    expect((await readdir(units)).sort()).toEqual([
      "multi-user.target.wants",
      "spoor-access-follower.service",
      "spoor-error-follower.service",
      "spoor-login-follower.service",
      "spoor-session-follower.service",
      "spoor-transmitter.service",
    ]);
    const result = await install(options({ layout: "agent", choices: {} }));
    expect((await readdir(units)).sort()).toEqual([
      "multi-user.target.wants",
      "spoor-agent.service",
    ]);
    expect(await readdir(join(units, "multi-user.target.wants"))).toEqual([]);
    expect(result.steps[0]!.argv).toEqual([
      "systemctl",
      "stop",
      "spoor-access-follower.service",
      "spoor-error-follower.service",
      "spoor-login-follower.service",
      "spoor-session-follower.service",
      "spoor-transmitter.service",
    ]);
  });

  it("asks for log_successful_logins and the old hook module's removal when needed", async () => {
    await mkdir(join(sandbox.root, "var/cpanel/perl5/lib"), { recursive: true });
    await writeFile(
      join(sandbox.root, "var/cpanel/cpanel.config"),
      "allow_deprecated_accesshash=0\nlog_successful_logins=0\n",
    );
    await writeFile(
      join(sandbox.root, "var/cpanel/perl5/lib/SpoorForwardHook.pm"),
      "package SpoorForwardHook;\n",
    );
    const result = await install(options());
    expect(result.loginLogging).toBe("off");
    expect(result.steps.slice(3)).toEqual([
      {
        purpose: "unregister the Perl original's hook module (it would report forwarders twice)",
        argv: ["/usr/local/cpanel/bin/manage_hooks", "delete", "module", "SpoorForwardHook"],
      },
      {
        purpose: "log successful logins (until then webmail logins are read from session_log)",
        argv: [
          "/usr/local/cpanel/bin/whmapi1",
          "set_tweaksetting",
          "key=log_successful_logins",
          "value=1",
        ],
        alternative:
          'WHM » Server Configuration » Tweak Settings » Logging » "Log successful logins"',
      },
    ]);
  });

  it("warns, in a sandbox, about units whose code ProtectHome=yes would hide", async () => {
    const underHome = Object.fromEntries(
      Object.keys(sandbox.daemonEntries).map((daemon) => [
        daemon,
        `/home/alice/spoor/apps/daemons/bin/${daemon}.js`,
      ]),
    ) as InstallOptions["daemonEntries"];
    const result = await install(
      options({ daemonEntries: underHome, nodePath: "/root/.nvm/node" }),
    );
    const warning = result.warnings.find((text) => text.includes("ProtectHome"));
    expect(warning).toMatch(
      /^the units would run \/root\/\.nvm\/node, \/home\/alice\/spoor\/apps\/daemons\/bin\/spoor-agent\.js, .*, which their ProtectHome=yes hides: they could not load their code\. Fix: install spoor where the units can reach it/,
    );
    expect(
      (await install(options())).warnings.filter((text) => text.includes("ProtectHome")),
    ).toEqual([]);
  });

  it("refuses --enable for a root other than /, before touching anything", async () => {
    await expect(install(options({ enable: true }))).rejects.toThrow(
      `--enable runs systemctl and cPanel's tools on this machine, but --root ${sandbox.root} is not this machine's root.`,
    );
    await expect(lstat(sandbox.root)).rejects.toThrow(/ENOENT/);
  });

  it("refuses a new install without credentials", async () => {
    await expect(install(options({ choices: { apiIdentifier: "x" } }))).rejects.toThrow(
      "There is no configuration yet, so the Spoor API identifier and secret are required.",
    );
  });

  it("refuses a symbolic link or a directory where the config file belongs", async () => {
    const configPath = join(sandbox.root, "etc/spoor/spoor.yml");
    await mkdir(join(sandbox.root, "etc/spoor"), { recursive: true, mode: 0o700 });
    await writeFile(join(sandbox.directory, "elsewhere.yml"), ORIGINAL_CONFIG);
    await symlink(join(sandbox.directory, "elsewhere.yml"), configPath);
    await expect(install(options())).rejects.toThrow(
      `${configPath} is a symbolic link; spoor reads its configuration from a real file only. Fix: replace the link with the file it points to, then run spoor install again`,
    );
    await rm(configPath);
    await mkdir(configPath);
    await expect(install(options())).rejects.toThrow(
      `${configPath} is not a regular file. Fix: move ${configPath} away`,
    );
  });

  it("refuses a symbolic link or a directory where a unit file belongs, writing through neither", async () => {
    const unitPath = join(sandbox.root, "etc/systemd/system/spoor-agent.service");
    await mkdir(join(sandbox.root, "etc/systemd/system"), { recursive: true });
    const target = join(sandbox.directory, "target.service");
    await writeFile(target, "keep\n");
    await symlink(target, unitPath);
    await expect(install(options())).rejects.toThrow(
      `${unitPath} is a symbolic link; spoor installs real files only. Fix: remove ${unitPath} and run spoor install again`,
    );
    expect(await readFile(target, "utf8")).toBe("keep\n");
    await rm(unitPath);
    await mkdir(unitPath);
    await expect(install(options())).rejects.toThrow(
      `${unitPath} exists but is not a regular file. Fix: move ${unitPath} away and run spoor install again`,
    );
  });

  it("refuses a symbolic link where the config directory belongs", async () => {
    await mkdir(join(sandbox.root, "etc"), { recursive: true });
    await mkdir(join(sandbox.directory, "elsewhere"));
    await symlink(join(sandbox.directory, "elsewhere"), join(sandbox.root, "etc/spoor"));
    await expect(install(options())).rejects.toThrow(
      `${join(sandbox.root, "etc/spoor")} is a symbolic link; spoor keeps its files in real directories only.`,
    );
  });
});
