import { TAKEOVER_ALERT } from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnalystServer, startAnalystServer } from "./helpers/analyst-server.js";
import { runCli } from "./helpers/run-cli.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const ANALYST: [string, string] = ["abuse-desk", "An4lyst-s3cret"];
const REPORTER: [string, string] = ["cp1", "rep0rter-s3cret"];
const TAKEOVER = TAKEOVER_ALERT;
const HOSTILE = {
  ...TAKEOVER,
  id: 41,
  rule: "external-forwarder",
  severity: "low",
  state: "acknowledged",
  mailbox_addresses: ["bob\u001b[2J@example.com"],
  summary: "bob: forwarder to x@evil.example\u202e",
};
const HEADER =
  'id,severity,state,rule,"first event time","last event time",hosts,"mailbox addresses",ips,"forward recipients","event ids",summary';

let server: AnalystServer;
let empty: AnalystServer;
const roots: TempRoot[] = [];
async function rootWith(
  credentials: [string, string],
  analyst?: [string, string],
  host = server.url,
): Promise<TempRoot> {
  const made = await makeTempRoot({
    host,
    credentials: { api_identifier: credentials[0], api_secret: credentials[1] },
    ...(analyst === undefined
      ? {}
      : { analyst_credentials: { api_identifier: analyst[0], api_secret: analyst[1] } }),
  });
  roots.push(made);
  return made;
}

beforeAll(async () => {
  server = await startAnalystServer({
    analyst: ANALYST,
    reporter: REPORTER,
    alerts: [TAKEOVER, HOSTILE],
  });
  empty = await startAnalystServer({ analyst: ANALYST, reporter: REPORTER, alerts: [] });
});
afterAll(async () => {
  await server?.close();
  await empty?.close();
  for (const made of roots) await made.remove();
});

describe("spoor alert list", () => {
  it("reads with transmission.analyst_credentials and prints CSV, hostile strings kept as data", async () => {
    const root = await rootWith(REPORTER, ANALYST);
    const result = await runCli(["alert", "list", "--root", root.root]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        HEADER,
        '42,high,open,takeover-sequence,"2025-12-03 12:40:00 +0000","2025-12-03 12:40:40 +0000",cp1.example.com,alice@example.com,203.0.113.77,attacker@evil.example,"7 9","alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)"',
        '41,low,acknowledged,external-forwarder,"2025-12-03 12:40:00 +0000","2025-12-03 12:40:40 +0000",cp1.example.com,bob\u001b[2J@example.com,203.0.113.77,attacker@evil.example,"7 9","bob: forwarder to x@evil.example\u202e"',
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(server.paths.at(-1)).toBe("/api/alerts");
  });

  it("passes the filters as alerts[...] parameters and escapes control characters in a table", async () => {
    const root = await rootWith(ANALYST);
    const result = await runCli([
      "alert",
      "list",
      "--root",
      root.root,
      "--min-severity",
      "low",
      "--state",
      "acknowledged",
      "--host",
      "cp1.example.com",
      "--mailbox",
      "bob@example.com",
      "--limit",
      "10",
      "--before-id",
      "42",
      "--output",
      "table",
    ]);
    expect(server.paths.at(-1)).toBe(
      "/api/alerts?alerts%5Bmin_severity%5D=low&alerts%5Bstate%5D=acknowledged&alerts%5Bhost%5D=cp1.example.com&alerts%5Bmailbox_address%5D=bob%40example.com&limit=10&before_id=42",
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[3]).toBe(
      "41  low       acknowledged  external-forwarder  2025-12-03 12:40:40 +0000  bob\\u{1b}[2J@example.com  bob: forwarder to x@evil.example\\u{202e}",
    );
    expect(result.stdout).not.toContain("\u001b");
  });

  it("prints the checked alerts as JSON with --output json", async () => {
    const root = await rootWith(ANALYST);
    const result = await runCli(["alert", "list", "--root", root.root, "--output", "json"]);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([0, [TAKEOVER, HOSTILE]]);
  });

  it("works without spoor.yml given --api-host, --api-identifier and SPOOR_API_SECRET", async () => {
    const result = await runCli(
      [
        "alert",
        "list",
        "--root",
        "/nonexistent-spoor-root",
        "--api-host",
        server.url,
        "--api-identifier",
        ANALYST[0],
        "--output",
        "json",
      ],
      { env: { SPOOR_API_SECRET: ANALYST[1] } },
    );
    expect([result.code, (JSON.parse(result.stdout) as unknown[]).length, result.stderr]).toEqual([
      0,
      2,
      "",
    ]);
  });

  it("refuses --api-identifier without SPOOR_API_SECRET (exit 2)", async () => {
    const result = await runCli(
      ["alert", "list", "--api-host", server.url, "--api-identifier", ANALYST[0]],
      { env: { SPOOR_API_SECRET: "" } },
    );
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "Error: --api-identifier needs its secret in the SPOOR_API_SECRET environment variable (never on the command line)\n",
    });
  });

  it("says a reporter credential is not an analyst one, with the fix (403, exit 1)", async () => {
    const root = await rootWith(REPORTER);
    const result = await runCli(["alert", "list", "--root", root.root]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `Error: GET ${server.url}/api/alerts answered HTTP 403: the credentials are not an analyst's: only an analyst credential may read alerts (response: {"error":"this credential may not read alerts (role reporter)"}) (credential from transmission.credentials)\n` +
        "Fix: create one on the server (spoor server credentials add NAME --role analyst) and put it in transmission.analyst_credentials of spoor.yml, or pass --api-identifier NAME with the secret in SPOOR_API_SECRET\n",
    });
    expect(result.stderr).not.toContain(REPORTER[1]);
  });

  it("names the flag a wrong secret came from (401, exit 1), never the secret", async () => {
    const root = await rootWith(REPORTER);
    const result = await runCli(
      ["alert", "list", "--root", root.root, "--api-identifier", ANALYST[0]],
      { env: { SPOOR_API_SECRET: "wr0ng-secret" } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")[0]).toBe(
      `Error: GET ${server.url}/api/alerts answered HTTP 401: the API does not know this analyst identifier and secret (response: {"error":"unknown identifier or wrong secret"}) (credential from --api-identifier)`,
    );
    expect(result.stderr).not.toContain("wr0ng-secret");
  });

  it("keeps stdout valid for an empty list and says so on stderr", async () => {
    const root = await rootWith(ANALYST, undefined, empty.url);
    const csv = await runCli(["alert", "list", "--root", root.root, "--state", "open"]);
    expect(csv).toEqual({ code: 0, stdout: `${HEADER}\n`, stderr: "no alerts for state open\n" });
    const json = await runCli(["alert", "list", "--root", root.root, "--output", "json"]);
    expect(json).toEqual({ code: 0, stdout: "[]\n", stderr: "no alerts\n" });
  });
});
