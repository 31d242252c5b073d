import { describe, expect, it } from "vitest";
import { parseConfigText } from "./parse-config-text.js";
import { validateConfig } from "./validate-config.js";

const FILE = "/srv/test/spoor.yml";

function load(transmission: string, application: string) {
  const text = `followers: {}
transmission:
  credentials: { api_identifier: id, api_secret: TopSecret99 }
${transmission}
application:
${application}`;
  return validateConfig(parseConfigText(text, FILE), { path: FILE, root: "/srv/root" });
}

describe("directories the config does not name", () => {
  it("default beside a configured parsed_entries_path, never under the root's /var/lib/spoor", () => {
    const config = load(
      "  host: https://spoor.example.com",
      [
        "  parsed_entries_path: /srv/custom/spool/parsed",
        "  transmitted_entries_path: /srv/custom/sent",
        "  transmission_failed_entries_path: /srv/custom/failed",
        "  state_path: /srv/custom/state",
      ].join("\n"),
    );
    expect(config.application).toMatchObject({
      parsed_entries_path: "/srv/custom/spool/parsed",
      transmitted_entries_path: "/srv/custom/sent",
      transmission_failed_entries_path: "/srv/custom/failed",
      state_path: "/srv/custom/state",
      quarantine_path: "/srv/custom/spool/quarantine",
    });
  });

  it("all sit beside parsed_entries_path when only it is named", () => {
    const config = load("  host: https://h", "  parsed_entries_path: /data/spoor/queue/");
    expect(config.application).toMatchObject({
      parsed_entries_path: "/data/spoor/queue/",
      transmitted_entries_path: "/data/spoor/transmitted",
      transmission_failed_entries_path: "/data/spoor/transmission_failed",
      state_path: "/data/spoor/state",
      quarantine_path: "/data/spoor/quarantine",
    });
  });

  it("stay under the root when parsed_entries_path is not named either", () => {
    const config = load("  host: https://h", "  quarantine_path: /srv/q");
    expect(config.application).toMatchObject({
      parsed_entries_path: "/srv/root/var/lib/spoor/parsed",
      transmitted_entries_path: "/srv/root/var/lib/spoor/transmitted",
      state_path: "/srv/root/var/lib/spoor/state",
      quarantine_path: "/srv/q",
    });
  });
});
