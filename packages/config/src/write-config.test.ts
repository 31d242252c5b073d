import { lstat, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempRoot, type TempRoot } from "../test/temp-root.js";
import { ConfigError } from "./config-error.js";
import { loadConfig } from "./load-config.js";
import type { ConfigFileContent } from "./spoor-config.js";
import { writeConfig } from "./write-config.js";

const CONTENT: ConfigFileContent = {
  followers: {
    login: { name: "/usr/local/cpanel/logs/login_log", maxinterval: 10, debug: 1 },
    access: { name: "/usr/local/cpanel/logs/access_log" },
  },
  transmission: {
    host: "https://spoor.capefox.co",
    credentials: { api_identifier: "007", api_secret: "true" },
    endpoints: { report: "/api/reports" },
    events: ["mailbox_created"],
    heartbeat: true,
  },
  application: { spool_max_entries: 500 },
};

const EXPECTED_TEXT = `---
followers:
  access:
    name: /usr/local/cpanel/logs/access_log
  login:
    debug: 1
    maxinterval: 10
    name: /usr/local/cpanel/logs/login_log
transmission:
  credentials:
    api_identifier: "007"
    api_secret: "true"
  endpoints:
    report: /api/reports
  host: https://spoor.capefox.co
  events:
    - mailbox_created
  heartbeat: true
application:
  spool_max_entries: 500
`;

let temp: TempRoot;
let previousUmask: number;
beforeEach(async () => {
  temp = await makeTempRoot();
  previousUmask = process.umask(0);
});
afterEach(async () => {
  process.umask(previousUmask);
  await temp.cleanup();
});

describe("writeConfig", () => {
  it("writes the original's layout with mode 0600 even under umask 0", async () => {
    await writeConfig(temp.configPath, CONTENT);
    expect(await readFile(temp.configPath, "utf8")).toBe(EXPECTED_TEXT);
    expect((await stat(temp.configPath)).mode & 0o7777).toBe(0o600);
    expect(await readdir(temp.configDir)).toEqual(["spoor.yml"]);
  });

  it("writes a file that loads back to the same values", async () => {
    await writeConfig(temp.configPath, CONTENT);
    const config = await loadConfig({ root: temp.root });
    expect([config.followers, config.transmission.credentials, config.transmission.events]).toEqual(
      [
        {
          access: { name: "/usr/local/cpanel/logs/access_log" },
          login: { name: "/usr/local/cpanel/logs/login_log" },
        },
        { api_identifier: "007", api_secret: "true" },
        ["mailbox_created"],
      ],
    );
  });

  it("replaces an existing file atomically, and a symlink itself rather than its target", async () => {
    const elsewhere = join(temp.root, "elsewhere.yml");
    await writeFile(elsewhere, "untouched");
    await symlink(elsewhere, temp.configPath);
    await writeConfig(temp.configPath, CONTENT);
    expect((await lstat(temp.configPath)).isFile()).toBe(true);
    expect(await readFile(elsewhere, "utf8")).toBe("untouched");
    await writeConfig(temp.configPath, { ...CONTENT, application: undefined });
    expect(await readFile(temp.configPath, "utf8")).toBe(EXPECTED_TEXT.split("application:")[0]);
  });

  it("creates a missing directory with mode 0700", async () => {
    const path = join(temp.root, "fresh/spoor.yml");
    await writeConfig(path, CONTENT);
    expect((await stat(join(temp.root, "fresh"))).mode & 0o7777).toBe(0o700);
  });

  it("refuses content that would not load, and writes nothing", async () => {
    const bad = { ...CONTENT, transmission: { ...CONTENT.transmission, host: "ftp://x" } };
    await expect(writeConfig(temp.configPath, bad)).rejects.toThrow(ConfigError);
    expect(await readdir(temp.configDir)).toEqual([]);
  });
});
