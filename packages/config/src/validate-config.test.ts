import { ORIGINAL_CONFIG, thrownBy } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error.js";
import { parseConfigText } from "./parse-config-text.js";
import { validateConfig } from "./validate-config.js";

const FILE = "/etc/spoor/spoor.yml";

function configText(transmission: string, rest = ""): string {
  return `followers:
  login: { name: /usr/local/cpanel/logs/login_log }
transmission:
  credentials: { api_identifier: id, api_secret: TopSecret99 }
${transmission}
${rest}`;
}

function validate(text: string) {
  return validateConfig(parseConfigText(text, FILE), { path: FILE });
}

function messageOf(text: string): string {
  return thrownBy(() => validate(text), ConfigError).message;
}

describe("validateConfig", () => {
  it.each([
    ["  host: ftp://x", `transmission.host: expected an http(s) URL, found "ftp://x" in ${FILE}`],
    [
      "  host: not a url",
      `transmission.host: expected an http(s) URL, found "not a url" in ${FILE}`,
    ],
    ["  host: [a]", `transmission.host: expected an http(s) URL, found a list in ${FILE}`],
    [
      "  host: http://spoor.example.com",
      `transmission.host: expected an https URL for a host that is not loopback, found "http://spoor.example.com" (plain http sends the API secret unencrypted; set transmission.allow_insecure_http: true to allow it) in ${FILE}`,
    ],
    [
      "  host: https://user:TopSecret99@spoor.example.com",
      `transmission.host: expected an http(s) URL without user:password, found a URL with credentials in it (put them in transmission.credentials) in ${FILE}`,
    ],
    [
      "  host: https://spoor.example.com/?x=1",
      `transmission.host: expected an http(s) URL without query or fragment, found "https://spoor.example.com/?x=1" in ${FILE}`,
    ],
    [
      "  host: https://h\n  timeout_ms: soon",
      `transmission.timeout_ms: expected a whole number from 1 to 600000, found "soon" in ${FILE}`,
    ],
    [
      "  host: https://h\n  concurrency: 0",
      `transmission.concurrency: expected a whole number from 1 to 64, found "0" in ${FILE}`,
    ],
    [
      "  host: https://h\n  allow_insecure_http: maybe",
      `transmission.allow_insecure_http: expected true or false, found "maybe" in ${FILE}`,
    ],
    [
      "  host: https://h\n  events: [mailbox_created, Bad Name]",
      `transmission.events[1]: expected an event name like mailbox_created, found "Bad Name" in ${FILE}`,
    ],
    [
      "  host: https://h\n  heartbeat: sometimes",
      `transmission.heartbeat: expected true or false, found "sometimes" in ${FILE}`,
    ],
    [
      "  host: https://h\n  analyst_credentials: { api_identifier: desk }",
      `transmission.analyst_credentials.api_secret: expected a non-empty string, found nothing in ${FILE}`,
    ],
    [
      "  host: https://h\n  analyst_credentials: desk",
      `transmission.analyst_credentials: expected a mapping, found "desk" in ${FILE}`,
    ],
    [
      "  host: https://h\n  endpoints: { report: api/reports }",
      `transmission.endpoints.report: expected a path starting with /, found "api/reports" in ${FILE}`,
    ],
  ])("refuses %j with a message naming key, value and expectation", (transmission, message) => {
    expect(messageOf(configText(transmission))).toBe(message);
  });

  it("never shows the secret, only its shape", () => {
    const text = `transmission:
  credentials: { api_identifier: id, api_secret: [TopSecret99] }
  host: https://h
`;
    expect(messageOf(text)).toBe(
      `transmission.credentials.api_secret: expected a non-empty string, found a list in ${FILE}`,
    );
  });

  it("requires the credentials", () => {
    expect(messageOf("transmission:\n  host: https://h\n")).toBe(
      `transmission.credentials: expected a mapping, found nothing in ${FILE} Fix: add the transmission.credentials section to ${FILE} (spoor install writes a complete file)`,
    );
    expect(messageOf("followers: {}\n")).toBe(
      `transmission: expected a mapping, found nothing in ${FILE} Fix: add the transmission section to ${FILE} (spoor install writes a complete file)`,
    );
  });

  it("requires absolute paths", () => {
    const text = `followers:
  error: { name: logs/error_log }
${configText("  host: https://h").split("\n").slice(2).join("\n")}`;
    expect(messageOf(text)).toBe(
      `followers.error.name: expected an absolute path, found "logs/error_log" in ${FILE}`,
    );
    expect(messageOf(configText("  host: https://h", "application:\n  state_path: state"))).toBe(
      `application.state_path: expected an absolute path, found "state" in ${FILE}`,
    );
  });

  it.each([
    ["http://localhost:3000", "http://localhost:3000"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
    ["http://[::1]:9000", "http://[::1]:9000"],
    ["https://spoor.capefox.co/base/", "https://spoor.capefox.co/base"],
  ])("accepts %s (plain http only to loopback)", (host, expected) => {
    expect(validate(configText(`  host: ${host}`)).transmission.host).toBe(expected);
  });

  it("leaves heartbeats off unless transmission.heartbeat turns them on", () => {
    expect(validate(configText("  host: https://h")).transmission.heartbeat).toBe(false);
    expect(
      validate(configText("  host: https://h\n  heartbeat: true")).transmission.heartbeat,
    ).toBe(true);
  });

  it("never shows the analyst secret, only its shape", () => {
    expect(
      messageOf(
        configText(
          "  host: https://h\n  analyst_credentials: { api_identifier: d, api_secret: [TopSecret99] }",
        ),
      ),
    ).toBe(
      `transmission.analyst_credentials.api_secret: expected a non-empty string, found a list in ${FILE}`,
    );
  });

  it("accepts plain http to another host with allow_insecure_http", () => {
    const config = validate(
      configText("  host: http://spoor.example.com\n  allow_insecure_http: true"),
    );
    expect([config.transmission.host, config.transmission.allow_insecure_http]).toEqual([
      "http://spoor.example.com",
      true,
    ]);
  });

  it.each([
    [
      "folowers:\n  login: { name: /l }\ntransmission:\n  credentials: { api_identifier: i, api_secret: s }\n  host: https://h\n",
      "folowers",
      `folowers: unknown key in ${FILE}; did you mean followers? (known keys at the top level: followers, transmission, application) Fix: rename "folowers" to "followers" in ${FILE}`,
    ],
    [
      configText("  host: https://h\n  reportr: cp1"),
      "transmission.reportr",
      `transmission.reportr: unknown key in ${FILE}; did you mean reporter? (known keys in transmission: credentials, host, endpoints, allow_insecure_http, timeout_ms, concurrency, events, reporter, heartbeat, analyst_credentials) Fix: rename "reportr" to "reporter" in ${FILE}`,
    ],
    [
      "transmision:\n  credentials: { api_identifier: i, api_secret: s }\n  host: https://h\n",
      "transmision",
      `transmision: unknown key in ${FILE}; did you mean transmission? (known keys at the top level: followers, transmission, application) Fix: rename "transmision" to "transmission" in ${FILE}`,
    ],
    [
      configText("  host: https://h", "followers_extra: 2"),
      "followers_extra",
      `followers_extra: unknown key in ${FILE} (known keys at the top level: followers, transmission, application) Fix: remove "followers_extra" from ${FILE}, or correct it to one of the known keys`,
    ],
    [
      "followers:\n  acess: { name: /l }\ntransmission:\n  credentials: { api_identifier: i, api_secret: s }\n  host: https://h\n",
      "followers.acess",
      `followers.acess: unknown key in ${FILE}; did you mean access? (known keys in followers: access, error, login, session) Fix: rename "acess" to "access" in ${FILE}`,
    ],
    [
      "followers:\n  login: { nmae: /l }\ntransmission:\n  credentials: { api_identifier: i, api_secret: s }\n  host: https://h\n",
      "followers.login.nmae",
      `followers.login.nmae: unknown key in ${FILE}; did you mean name? (known keys in followers.login: name) Fix: rename "nmae" to "name" in ${FILE}`,
    ],
    [
      configText("  host: https://h", "application:\n  parsed_entries_pth: /x"),
      "application.parsed_entries_pth",
      expect.stringContaining(
        `application.parsed_entries_pth: unknown key in ${FILE}; did you mean parsed_entries_path?`,
      ),
    ],
    [
      "transmission:\n  credentials: { api_identifier: i, api_secret: s, api_secert: t }\n  host: https://h\n",
      "transmission.credentials.api_secert",
      expect.stringContaining("did you mean api_secret?"),
    ],
  ])("refuses an unknown key, naming it and the nearest known one (%#)", (text, key, message) => {
    const caught = thrownBy(() => validate(text), ConfigError);
    expect(caught.key).toBe(key);
    expect(caught.message).toEqual(message);
    expect(caught.fix).toBeDefined();
  });

  it("accepts the original's own follower keys and lists them as ignored", () => {
    const config = validate(ORIGINAL_CONFIG);
    expect(config.followers.login).toEqual({ name: "/usr/local/cpanel/logs/login_log" });
    expect(config.ignoredKeys?.filter((key) => key.startsWith("followers.login."))).toEqual([
      "followers.login.debug",
      "followers.login.maxinterval",
      "followers.login.partial_report_log",
      "followers.login.transformer",
    ]);
    expect(validate(configText("  host: https://h")).ignoredKeys).toEqual([]);
  });
});
