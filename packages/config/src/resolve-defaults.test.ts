import { describe, expect, it } from "vitest";
import { resolveDefaults } from "./resolve-defaults.js";

describe("resolveDefaults", () => {
  it("relocates every default path under the root", () => {
    expect(resolveDefaults("/srv/stage/")).toEqual({
      root: "/srv/stage",
      configPath: "/srv/stage/etc/spoor/spoor.yml",
      logPaths: {
        access: "/srv/stage/usr/local/cpanel/logs/access_log",
        error: "/srv/stage/usr/local/cpanel/logs/error_log",
        login: "/srv/stage/usr/local/cpanel/logs/login_log",
        session: "/srv/stage/usr/local/cpanel/logs/session_log",
      },
      application: {
        parsed_entries_path: "/srv/stage/var/lib/spoor/parsed",
        transmitted_entries_path: "/srv/stage/var/lib/spoor/transmitted",
        transmission_failed_entries_path: "/srv/stage/var/lib/spoor/transmission_failed",
        state_path: "/srv/stage/var/lib/spoor/state",
        quarantine_path: "/srv/stage/var/lib/spoor/quarantine",
        spool_max_entries: 100000,
        retention_max_age_days: 30,
        retention_max_bytes: 268435456,
      },
      transmission: {
        endpoints: { report: "/api/reports" },
        allow_insecure_http: false,
        timeout_ms: 30000,
        concurrency: 4,
        events: [],
        heartbeat: false,
      },
    });
  });

  it("uses / by default", () => {
    const defaults = resolveDefaults();
    expect([defaults.root, defaults.configPath, defaults.application.parsed_entries_path]).toEqual([
      "/",
      "/etc/spoor/spoor.yml",
      "/var/lib/spoor/parsed",
    ]);
  });
});
