import { describe, expect, it } from "vitest";
import { ApiClientConfigError } from "./api-client-config-error.js";
import { createApiClient } from "./create-api-client.js";

const credentials = { api_identifier: "user123", api_secret: "secret" };

function refusal(options: Partial<Parameters<typeof createApiClient>[0]>) {
  try {
    createApiClient({ host: "https://spoor.capefox.co", credentials, ...options }).close();
  } catch (error) {
    if (!(error instanceof ApiClientConfigError)) throw error;
    expect(error.message).toBe(`${error.problem} Fix: ${error.fix}`);
    return { setting: error.setting, message: error.problem, fix: error.fix };
  }
  return undefined;
}

describe("createApiClient: host checks", () => {
  it.each([
    ["https://spoor.capefox.co", "https://spoor.capefox.co"],
    ["https://spoor.capefox.co/", "https://spoor.capefox.co"],
    ["https://Spoor.Capefox.co:8443/prefix/", "https://spoor.capefox.co:8443/prefix"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["http://127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["http://127.10.20.30", "http://127.10.20.30"],
    ["http://[::1]:3000", "http://[::1]:3000"],
  ])("accepts %s", (host, baseUrl) => {
    const client = createApiClient({ host, credentials });
    client.close();
    expect(client.baseUrl).toBe(baseUrl);
  });

  it("refuses plain http to a non-loopback host, with a fix", () => {
    expect(refusal({ host: "http://spoor.capefox.co" })).toStrictEqual({
      setting: "host",
      message:
        "refusing plain http to spoor.capefox.co: the API secret would cross the network unencrypted",
      fix: "set transmission.host to an https URL such as https://spoor.capefox.co, or set transmission.allow_insecure_http: true if this network is trusted",
    });
  });

  it("allows plain http to any host with allowInsecureHttp", () => {
    expect(refusal({ host: "http://10.0.0.5", allowInsecureHttp: true })).toBeUndefined();
  });

  it.each([
    ["spoor.capefox.co", 'the API host "spoor.capefox.co" is not a URL'],
    ["ftp://spoor.capefox.co", "the API host must use https, not ftp:"],
    [
      "https://user:pw@spoor.capefox.co",
      "the API host must not carry user info, a query or a fragment (credentials go in transmission.credentials)",
    ],
    [
      "https://spoor.capefox.co/?x=1",
      "the API host must not carry user info, a query or a fragment (credentials go in transmission.credentials)",
    ],
    [
      "http://128.0.0.1",
      "refusing plain http to 128.0.0.1: the API secret would cross the network unencrypted",
    ],
  ])("refuses %s", (host, message) => {
    expect(refusal({ host })?.message).toBe(message);
  });
});

describe("createApiClient: other options", () => {
  it.each([
    [{ credentials: { api_identifier: "a:b", api_secret: "s" } }, "credentials"],
    [{ credentials: { api_identifier: "", api_secret: "s" } }, "credentials"],
    [{ credentials: { api_identifier: "a", api_secret: "s\nX-Evil: 1" } }, "credentials"],
    [{ reportEndpoint: "api/reports" }, "reportEndpoint"],
    [{ reportEndpoint: "/api/reports?x" }, "reportEndpoint"],
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ timeoutMs: 1.5 }, "timeoutMs"],
    [{ timeoutMs: 2 ** 31 }, "timeoutMs"],
  ])("refuses %j", (options, setting) => {
    expect(refusal(options)?.setting).toBe(setting);
  });
});
