import { chmod, chown, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ORIGINAL_CONFIG } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempRoot, type TempRoot } from "../test/temp-root.js";
import { ConfigError } from "./config-error.js";
import { PermissionError } from "./index.js";
import { loadConfig } from "./load-config.js";
import { resolveDefaults } from "./resolve-defaults.js";

let temp: TempRoot;
beforeEach(async () => {
  temp = await makeTempRoot();
});
afterEach(async () => {
  await temp.cleanup();
});

async function loadError(options: Parameters<typeof loadConfig>[0]): Promise<Error> {
  return loadConfig(options).then(
    () => {
      throw new Error("loadConfig resolved");
    },
    (error: Error) => error,
  );
}

describe("loadConfig", () => {
  it("loads the original's file unchanged, with defaults relocated under --root", async () => {
    await temp.writeConfigText(ORIGINAL_CONFIG);
    const defaults = resolveDefaults(temp.root);
    expect(await loadConfig({ root: temp.root })).toEqual({
      root: temp.root,
      sourcePath: temp.configPath,
      followers: {
        access: { name: "/usr/local/cpanel/logs/access_log" },
        error: { name: "/usr/local/cpanel/logs/error_log" },
        login: { name: "/usr/local/cpanel/logs/login_log" },
      },
      transmission: {
        credentials: { api_identifier: "0071", api_secret: "hunter2: true" },
        host: "https://spoor.capefox.co",
        ...defaults.transmission,
      },
      application: defaults.application,
      ignoredKeys: [
        "followers.access.debug",
        "followers.access.maxinterval",
        "followers.access.transformer",
        "followers.error.debug",
        "followers.error.maxinterval",
        "followers.error.transformer",
        "followers.login.debug",
        "followers.login.maxinterval",
        "followers.login.partial_report_log",
        "followers.login.transformer",
      ],
    });
  });

  it("reads the new optional keys and the application section", async () => {
    await temp.writeConfigText(`followers:
  session: { name: /logs/session_log }
transmission:
  credentials: { api_identifier: id, api_secret: s }
  host: http://10.1.2.3:8080/
  allow_insecure_http: true
  timeout_ms: 5000
  concurrency: 2
  events: [mailbox_created, filter_stored]
  reporter: cp1.example.com
  heartbeat: "yes"
  analyst_credentials: { api_identifier: desk, api_secret: a }
application:
  parsed_entries_path: /spool/parsed
  spool_max_entries: 10
  retention_max_age_days: 7
  retention_max_bytes: 1048576
`);
    const config = await loadConfig({ path: temp.configPath, root: temp.root });
    expect([config.followers, config.transmission, config.application]).toEqual([
      { session: { name: "/logs/session_log" } },
      {
        credentials: { api_identifier: "id", api_secret: "s" },
        host: "http://10.1.2.3:8080",
        endpoints: { report: "/api/reports" },
        allow_insecure_http: true,
        timeout_ms: 5000,
        concurrency: 2,
        events: ["mailbox_created", "filter_stored"],
        reporter: "cp1.example.com",
        heartbeat: true,
        analyst_credentials: { api_identifier: "desk", api_secret: "a" },
      },
      {
        parsed_entries_path: "/spool/parsed",
        // beside the configured parsed_entries_path, not under the root
        transmitted_entries_path: "/spool/transmitted",
        transmission_failed_entries_path: "/spool/transmission_failed",
        state_path: "/spool/state",
        quarantine_path: "/spool/quarantine",
        spool_max_entries: 10,
        retention_max_age_days: 7,
        retention_max_bytes: 1048576,
      },
    ]);
  });

  it("refuses a config file with a wider mode, naming the chmod that fixes it", async () => {
    await temp.writeConfigText(ORIGINAL_CONFIG, 0o644);
    const error = await loadError({ root: temp.root });
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.message).toBe(
      `${temp.configPath} has mode 0644; expected 0600. Fix: chmod 0600 ${temp.configPath}`,
    );
    expect((error as PermissionError).fix).toBe(`chmod 0600 ${temp.configPath}`);
  });

  it("refuses a config file owned by another user", async () => {
    await temp.writeConfigText(ORIGINAL_CONFIG);
    await chown(temp.configPath, 12345, 0);
    const error = await loadError({ root: temp.root });
    expect(error.message).toBe(
      `${temp.configPath} is owned by uid 12345; expected uid ${process.geteuid!()} (the user spoor runs as). Fix: chown ${process.geteuid!()} ${temp.configPath}`,
    );
  });

  it("refuses a config directory that is not 0700", async () => {
    await temp.writeConfigText(ORIGINAL_CONFIG);
    await chmod(temp.configDir, 0o755);
    const error = await loadError({ root: temp.root });
    expect(error.message).toBe(
      `${temp.configDir} has mode 0755; expected 0700. Fix: chmod 0700 ${temp.configDir}`,
    );
  });

  it("refuses an existing spool directory with group or other access", async () => {
    await temp.writeConfigText(ORIGINAL_CONFIG);
    const parsed = join(temp.root, "var/lib/spoor/parsed");
    await mkdir(parsed, { recursive: true });
    await chmod(parsed, 0o750);
    const error = await loadError({ root: temp.root });
    expect((error as PermissionError).details).toEqual({
      path: parsed,
      kinds: ["mode"],
      found: "mode 0750",
      expected: "mode 0700",
      problem: `${parsed} has mode 0750; expected 0700.`,
      fix: `chmod 0700 ${parsed}`,
    });
  });

  it("refuses a symlinked config, even with permission checks off", async () => {
    const real = join(temp.configDir, "real.yml");
    await writeFile(real, ORIGINAL_CONFIG, { mode: 0o600 });
    await symlink(real, temp.configPath);
    const error = await loadError({ root: temp.root, checkPermissions: false });
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).details.kinds).toEqual(["symlink"]);
  });

  it("refuses a directory where the config file should be", async () => {
    await mkdir(temp.configPath);
    const error = await loadError({ root: temp.root, checkPermissions: false });
    expect((error as PermissionError).details.kinds).toEqual(["wrong-type"]);
  });

  it("skips owner and mode checks when asked", async () => {
    await temp.writeConfigText(ORIGINAL_CONFIG, 0o644);
    await chmod(temp.configDir, 0o755);
    const config = await loadConfig({ root: temp.root, checkPermissions: false });
    expect(config.transmission.host).toBe("https://spoor.capefox.co");
  });

  it("says how to create a missing config", async () => {
    const error = await loadError({ root: temp.root });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      `${temp.configPath} does not exist. Fix: create it with "spoor install", or pass --config PATH`,
    );
  });

  it("refuses a file over 1 MiB without parsing it", async () => {
    await temp.writeConfigText(`# ${"x".repeat(1024 * 1024)}\n`);
    const error = await loadError({ root: temp.root });
    expect(error.message).toBe(
      `${temp.configPath} is larger than 1048576 bytes; a spoor.yml is a few hundred.`,
    );
  });

  it("refuses bytes that are not UTF-8", async () => {
    await temp.writeConfigText("");
    await writeFile(temp.configPath, Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    const error = await loadError({ root: temp.root });
    expect(error.message).toBe(`${temp.configPath} is not valid UTF-8 text.`);
  });

  it("reports broken YAML by position only, never quoting the file", async () => {
    await temp.writeConfigText(
      "transmission:\n  credentials:\n    api_secret: 'TopSecret99\n    api_identifier: x\n",
    );
    const error = await loadError({ root: temp.root });
    expect(error.message).toBe(
      `${temp.configPath} is not valid YAML: MISSING_CHAR at line 5, column 1. Fix: correct line 5 of ${temp.configPath} (indent with spaces; quote values holding ": " or " #")`,
    );
    expect(error.message).not.toContain("TopSecret99");
  });

  it("refuses an empty file", async () => {
    await temp.writeConfigText("");
    const error = await loadError({ root: temp.root });
    expect(error.message).toBe(
      `top level: expected a mapping, found nothing in ${temp.configPath} Fix: add the configuration to ${temp.configPath} (spoor install writes a complete file)`,
    );
  });
});
