import { afterEach, describe, expect, it } from "vitest";
import {
  createCredentialStore,
  openServerDatabase,
  validateServerConfig,
} from "../../src/index.js";
import { credentialRecordsOf, rawRequest, runCleanups, serverWithClient } from "../helpers.js";
import { post, startConsoleServer } from "./console-fixture.js";
import { reportOf, takeoverEntries } from "./takeover.js";

afterEach(runCleanups);

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const cookieOf = (header: string | string[] | undefined, name: string) =>
  ([header ?? []].flat().find((line) => line.startsWith(`${name}=`)) ?? "").split(";")[0]!;

/** Signs in over raw HTTP the way the console does. @returns the session cookie and token. */
async function signIn(url: string, identifier: string, secret: string) {
  const start = await rawRequest(url, { path: "/console/session" });
  const login = cookieOf(start.headers["set-cookie"], "spoor_login");
  const { csrf_token } = JSON.parse(start.body) as { csrf_token: string };
  const answer = await rawRequest(url, {
    method: "POST",
    path: "/console/session",
    headers: { cookie: login, "x-csrf-token": csrf_token, "content-type": "application/json" },
    body: JSON.stringify({ identifier, secret }),
  });
  return {
    answer,
    cookie: cookieOf(answer.headers["set-cookie"], "spoor_session"),
    token:
      answer.status === 200 ? (JSON.parse(answer.body) as { csrf_token: string }).csrf_token : "",
  };
}

function patchAlert(url: string, headers: Record<string, string>) {
  return rawRequest(url, {
    method: "PATCH",
    path: "/api/alerts/1",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ state: "acknowledged" }),
  });
}

describe("the console's HTTP side", () => {
  it("serves the shell and hashed assets with the CSP, ETag revalidation and immutable caching", async () => {
    const { server } = await serverWithClient();
    const shell = await rawRequest(server.url, { path: "/" });
    expect(shell.status).toBe(200);
    expect(shell.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-cache",
    });
    expect(shell.body).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/);
    const again = await rawRequest(server.url, {
      path: "/",
      headers: { "if-none-match": String(shell.headers.etag) },
    });
    expect([again.status, again.body]).toStrictEqual([304, ""]);
    const paths = [...shell.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(3);
    for (const path of paths) {
      const asset = await rawRequest(server.url, { path });
      expect(asset.status).toBe(200);
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(asset.headers["content-security-policy"]).toBe(CSP);
    }
    const missing = await rawRequest(server.url, { path: "/assets/console-NOPE.js" });
    expect(missing.status).toBe(404);
    const wrongMethod = await rawRequest(server.url, { method: "POST", path: "/" });
    expect([wrongMethod.status, wrongMethod.headers.allow]).toStrictEqual([405, "GET, HEAD"]);
  });

  it("signs in an analyst only, with the sign-in token, and sets a strict cookie", async () => {
    const { server, analyst, reporter } = await startConsoleServer();
    const good = await signIn(server.url, analyst.identifier, analyst.secret);
    expect(good.answer.status).toBe(200);
    const line = [good.answer.headers["set-cookie"] ?? []]
      .flat()
      .find((l) => l.startsWith("spoor_session="))!;
    expect(line).toMatch(/; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    expect((await signIn(server.url, analyst.identifier, "wrong")).answer.status).toBe(401);
    expect((await signIn(server.url, "nobody", "wrong")).answer.status).toBe(401);
    const asReporter = await signIn(server.url, reporter.identifier, reporter.secret);
    expect(asReporter.answer.status).toBe(403);
    expect(asReporter.cookie).toBe("");
    // No sign-in token, or one that is not the cookie's: 403 before any secret is checked.
    const bare = await rawRequest(server.url, {
      method: "POST",
      path: "/console/session",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(analyst),
    });
    expect(bare.status).toBe(403);
  });

  it("lets a session read and change through the API, changes only with its CSRF token", async () => {
    const { server, analyst, basic } = await startConsoleServer();
    const pair = basic({ identifier: "demo", secret: "demo-secret" });
    const now = Math.floor(Date.now() / 1000);
    const entries = takeoverEntries(
      { host: "web1", mailbox: "a@example.com", recipient: "x@evil.example" },
      now,
    );
    expect(await post(server.url, pair, "/api/reports", reportOf(entries, "web1"))).toBe(202);
    const { cookie, token } = await signIn(server.url, analyst.identifier, analyst.secret);
    const list = await rawRequest(server.url, { path: "/api/alerts", headers: { cookie } });
    expect(list.status).toBe(200);
    expect((await patchAlert(server.url, { cookie })).status).toBe(403);
    expect(
      (await patchAlert(server.url, { cookie, "x-csrf-token": `${token.slice(1)}x` })).status,
    ).toBe(403);
    expect((await patchAlert(server.url, { cookie, "x-csrf-token": token })).status).toBe(200);
    // A session cannot post reports (it is an analyst), and sign-out needs the token too.
    const report = await rawRequest(server.url, {
      method: "POST",
      path: "/api/reports",
      headers: { cookie, "x-csrf-token": token, "content-type": "application/json" },
      body: JSON.stringify(reportOf(entries, "web1")),
    });
    expect(report.status).toBe(403);
    const signOut = (headers: Record<string, string>) =>
      rawRequest(server.url, {
        method: "DELETE",
        path: "/console/session",
        headers: { cookie, ...headers },
      });
    expect((await signOut({})).status).toBe(403);
    expect((await signOut({ "x-csrf-token": token })).status).toBe(200);
    const after = await rawRequest(server.url, { path: "/api/alerts", headers: { cookie } });
    expect(after.status).toBe(401);
    expect(after.headers["www-authenticate"]).toBeUndefined();
    const basicOnly = await rawRequest(server.url, { path: "/api/alerts" });
    expect([basicOnly.status, typeof basicOnly.headers["www-authenticate"]]).toStrictEqual([
      401,
      "string",
    ]);
  });

  it("ends the sessions of a revoked credential at their next request", async () => {
    const dir = await import("@spoor/test-support").then((m) => m.makeTempDir("spoor-revoke-"));
    const { join } = await import("node:path");
    const file = `sqlite:${join(dir.path, "spoor.sqlite")}`;
    const db = openServerDatabase(file);
    const store = createCredentialStore(credentialRecordsOf(db), () => 0);
    const desk = await store.add("desk", "analyst");
    const { server } = await serverWithClient({ database: file });
    const { cookie } = await signIn(server.url, desk.api_identifier, desk.api_secret);
    expect(
      (await rawRequest(server.url, { path: "/api/alerts", headers: { cookie } })).status,
    ).toBe(200);
    expect(await store.revoke("desk")).toBe(true);
    db.close();
    expect(
      (await rawRequest(server.url, { path: "/api/alerts", headers: { cookie } })).status,
    ).toBe(401);
    await server.close();
    await dir.cleanup();
  });

  it("expires a session after its idle time and its absolute lifetime", async () => {
    let now = 1_000_000;
    const { server } = await serverWithClient({
      clock: () => now,
      consoleSessions: { idleMs: 60_000, absoluteMs: 150_000 },
    });
    const alerts = (cookie: string) =>
      rawRequest(server.url, { path: "/api/alerts", headers: { cookie } }).then((r) => r.status);
    const first = await signIn(server.url, "user123", "secret");
    now += 59_000;
    expect(await alerts(first.cookie)).toBe(200);
    now += 59_000;
    expect(await alerts(first.cookie)).toBe(200);
    now += 40_000; // 158 s after sign-in: past the absolute lifetime though used 40 s ago
    expect(await alerts(first.cookie)).toBe(401);
    const second = await signIn(server.url, "user123", "secret");
    now += 61_000;
    expect(await alerts(second.cookie)).toBe(401);
  });

  it("marks cookies Secure when the public URL is https", async () => {
    const { server } = await serverWithClient({
      config: validateServerConfig({ public_url: "https://spoor.example.net" }),
    });
    const start = await rawRequest(server.url, { path: "/console/session" });
    expect(String(start.headers["set-cookie"])).toMatch(/; Secure$/);
  });

  it("answers the hosts, one event by id (within a reporter's hosts) and a mailbox's events", async () => {
    const { server, analyst, reporter, basic, advance } = await startConsoleServer();
    const pair = basic({ identifier: "demo", secret: "demo-secret" });
    const now = Math.floor(Date.now() / 1000);
    const web1 = takeoverEntries(
      { host: "web1", mailbox: "a@example.com", recipient: "x@evil.example" },
      now,
    );
    expect(await post(server.url, basic(reporter), "/api/reports", reportOf(web1, "web1"))).toBe(
      202,
    );
    const web9 = [
      { type: "login", time: now, host: "web9", mailbox_address: "b@example.com", ip: "8.8.8.8" },
    ];
    expect(await post(server.url, pair, "/api/reports", reportOf(web9, "web9"))).toBe(202);
    expect(await post(server.url, pair, "/api/heartbeats", { host: "web9" })).toBe(202);
    advance(11 * 60_000);
    const get = async (credential: string, path: string) => {
      const answer = await rawRequest(server.url, { path, headers: { authorization: credential } });
      return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
    };
    const hosts = await get(basic(analyst), "/api/hosts");
    expect(hosts.status).toBe(200);
    expect(hosts.body.hosts).toMatchObject([
      { host: "web1", last_heartbeat_at: null, silent: false },
      { host: "web9", agent_version: null, silent: true },
    ]);
    const [first, second] = hosts.body.hosts as Array<{ last_report_at: number }>;
    expect(first!.last_report_at).toBeGreaterThanOrEqual(now - 5);
    expect(second!.last_report_at).toBeGreaterThanOrEqual(now - 5);
    expect((await get(basic(reporter), "/api/hosts")).status).toBe(403);

    const mailbox = await get(
      basic(analyst),
      "/api/mailbox_events?mailbox_events%5Bmailbox_address%5D=b%40example.com",
    );
    const events = mailbox.body.mailbox_events as Array<{ id: number; host: string }>;
    expect(events.map((event) => event.host)).toStrictEqual(["web9"]);
    const theirs = events[0]!.id;
    expect((await get(basic(analyst), `/api/mailbox_events/${theirs}`)).body).toMatchObject({
      host: "web9",
      ip_actor: { network: "8.8.8.0/24", asn: 15169 },
    });
    expect((await get(basic(reporter), `/api/mailbox_events/${theirs}`)).status).toBe(404);
    expect((await get(basic(reporter), "/api/mailbox_events/1")).body).toMatchObject({
      host: "web1",
    });
  });
});
