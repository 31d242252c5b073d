import { ApiClientConfigError, createApiClient } from "@spoor/api-client";
import { describe, expect, it } from "vitest";
import { apiClientOptions } from "./api-client-options.js";
import { ConfigError } from "./config-error.js";
import { parseConfigText } from "./parse-config-text.js";
import { spoolOptions } from "./spool-options.js";
import { validateConfig } from "./validate-config.js";

const FILE = "/srv/test/spoor.yml";

function load(transmission: string, application = "") {
  const text = `followers: {}
transmission:
  credentials: { api_identifier: id, api_secret: TopSecret99 }
${transmission}
${application === "" ? "" : `application:\n${application}`}`;
  return validateConfig(parseConfigText(text, FILE), { path: FILE, root: "/srv/root" });
}

function configAccepts(host: string): boolean {
  try {
    load(`  host: ${host}`);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return false;
  }
}

function clientAccepts(host: string): boolean {
  try {
    createApiClient({ host, credentials: { api_identifier: "id", api_secret: "s" } }).close();
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiClientConfigError);
    return false;
  }
}

describe("one plain-http rule for config and client", () => {
  it.each([
    ["http://localhost:3000", true],
    ["http://LOCALHOST:3000", true],
    ["http://127.0.0.1:8080", true],
    ["http://127.200.3.4", true],
    ["http://[::1]:9000", true],
    ["https://api.localhost", true],
    ["http://api.localhost:3000", false],
    ["http://localhost.example.com", false],
    ["http://128.0.0.1", false],
    ["http://[::2]", false],
    ["http://spoor.example.com", false],
  ])("%s: loads = the client accepts it (%s)", (host, allowed) => {
    expect([configAccepts(host), clientAccepts(host)]).toEqual([allowed, allowed]);
  });

  it("names the key and the fix when a .localhost name is refused at load", () => {
    expect(() => load("  host: http://api.localhost:3000")).toThrow(
      `transmission.host: expected an https URL for a host that is not loopback, found "http://api.localhost:3000" (plain http sends the API secret unencrypted; set transmission.allow_insecure_http: true to allow it) in ${FILE}`,
    );
  });
});

describe("spoolOptions and apiClientOptions", () => {
  it("builds the spool's options from application.*", () => {
    const config = load(
      "  host: https://spoor.example.com",
      "  spool_max_entries: 50\n  retention_max_age_days: 7\n  retention_max_bytes: 1024",
    );
    expect(spoolOptions(config)).toEqual({
      paths: {
        parsed: "/srv/root/var/lib/spoor/parsed",
        transmitted: "/srv/root/var/lib/spoor/transmitted",
        failed: "/srv/root/var/lib/spoor/transmission_failed",
        quarantine: "/srv/root/var/lib/spoor/quarantine",
      },
      maxQueuedEntries: 50,
      retention: { maxAgeDays: 7, maxBytes: 1024 },
    });
  });

  it("builds the client's options from transmission.*", () => {
    const config = load(
      "  host: http://spoor.example.com/base/\n  allow_insecure_http: true\n  timeout_ms: 1500\n  endpoints: { report: /v2/reports }",
    );
    expect(apiClientOptions(config)).toEqual({
      host: "http://spoor.example.com/base",
      credentials: { api_identifier: "id", api_secret: "TopSecret99" },
      reportEndpoint: "/v2/reports",
      timeoutMs: 1500,
      allowInsecureHttp: true,
    });
    const client = createApiClient(apiClientOptions(config));
    expect(client.baseUrl).toBe("http://spoor.example.com/base");
    client.close();
  });
});
