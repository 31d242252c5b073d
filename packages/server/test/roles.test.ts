import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCredentialStore,
  openServerDatabase,
  type SpoorServer,
  startServer,
} from "../src/index.js";
import { rawRequest, credentialRecordsOf as recordsOf, reportBody } from "./helpers.js";

let dir: string;
let server: SpoorServer;
const secrets: Record<string, string> = {};
const basic = (name: string, secret = secrets[name]!) =>
  `Basic ${Buffer.from(`${name}:${secret}`).toString("base64")}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spoor-server-roles-"));
  const database = `sqlite:${join(dir, "db", "spoor.sqlite")}`;
  const db = openServerDatabase(database);
  const store = createCredentialStore(recordsOf(db), () => 1_700_000_000);
  for (const [name, role, hosts] of [
    ["web1.example.net", "reporter", undefined],
    ["fleet", "reporter", "web*.example.net,mail1"],
    ["desk", "analyst", undefined],
    ["gone", "reporter", undefined],
  ] as const) {
    secrets[name] = (await store.add(name, role, hosts)).api_secret;
  }
  expect(await store.revoke("gone")).toBe(true);
  expect(
    (await store.list()).map((c) => [c.name, c.role, c.hosts, c.revoked_at !== null]),
  ).toStrictEqual([
    ["desk", "analyst", "*", false],
    ["fleet", "reporter", "web*.example.net,mail1", false],
    ["gone", "reporter", "gone", true],
    ["web1.example.net", "reporter", "web1.example.net", false],
  ]);
  // The database stores hashes only.
  const stored = db.prepare("SELECT secret_hash FROM credentials").all() as Array<{
    secret_hash: string;
  }>;
  for (const { secret_hash } of stored) {
    expect(secret_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    for (const secret of Object.values(secrets)) expect(secret_hash).not.toContain(secret);
  }
  db.close();
  server = await startServer({ database });
}, 30_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const post = (authorization: string, body: string, path = "/api/reports") =>
  rawRequest(server.url, {
    method: "POST",
    path,
    headers: { authorization, "content-type": "application/json" },
    body,
  });
const login = (host: string) => ({
  type: "login",
  time: 1_700_000_000,
  host,
  mailbox_address: `a@${host}`,
  ip: "192.0.2.1",
});

describe("database credentials and their roles", () => {
  it("lets a reporter post for its own host and read it back", async () => {
    const sent = await post(
      basic("web1.example.net"),
      reportBody(login("web1.example.net"), "web1.example.net"),
    );
    expect(sent.status).toBe(202);
    const list = await rawRequest(server.url, {
      path: "/api/reports?reports%5Bhost%5D=web1.example.net",
      headers: { authorization: basic("web1.example.net") },
    });
    expect(JSON.parse(list.body).reports).toHaveLength(1);
  });

  it("refuses a report naming a host outside the glob with 403 and stores nothing of it", async () => {
    const before = (await server.stats()).reports;
    const body = JSON.stringify({
      report: {
        entries: [login("web1.example.net"), login("web9.other.net")],
        metadata: { reporter: "web1.example.net" },
      },
    });
    const refused = await post(basic("web1.example.net"), body);
    expect([refused.status, JSON.parse(refused.body)]).toStrictEqual([
      403,
      { error: "this credential may not report for a host in this report" },
    ]);
    expect((await server.stats()).reports).toBe(before);
  });

  it("lets a glob reporter post for every host it matches, and read only those", async () => {
    for (const host of ["web2.example.net", "mail1"]) {
      expect((await post(basic("fleet"), reportBody(login(host), host))).status).toBe(202);
    }
    expect((await post(basic("fleet"), reportBody(login("mail2"), "mail2"))).status).toBe(403);
    const all = await rawRequest(server.url, {
      path: "/api/mailbox_events",
      headers: { authorization: basic("fleet") },
    });
    const hosts = (JSON.parse(all.body).mailbox_events as Array<{ host: string }>)
      .map((e) => e.host)
      .sort();
    expect(hosts).toStrictEqual(["mail1", "web1.example.net", "web2.example.net"]);
    const other = await rawRequest(server.url, {
      path: "/api/mailbox_events?mailbox_events%5Bhost%5D=mail2",
      headers: { authorization: basic("fleet") },
    });
    expect(other.status).toBe(403);
  });

  it("keeps reporters off the analyst endpoints and analysts off ingest", async () => {
    const reporter = basic("web1.example.net");
    expect(
      (await rawRequest(server.url, { path: "/api/alerts", headers: { authorization: reporter } }))
        .status,
    ).toBe(403);
    const patch = await rawRequest(server.url, {
      method: "PATCH",
      path: "/api/mailbox_events/1",
      headers: { authorization: reporter, "content-type": "application/json" },
      body: '{"class":"benign"}',
    });
    expect(patch.status).toBe(403);
    const analystPost = await post(
      basic("desk"),
      reportBody(login("web1.example.net"), "web1.example.net"),
    );
    expect([analystPost.status, JSON.parse(analystPost.body)]).toStrictEqual([
      403,
      { error: "this needs a credential with the reporter role" },
    ]);
    const heartbeat = await post(basic("desk"), '{"host":"web1.example.net"}', "/api/heartbeats");
    expect(heartbeat.status).toBe(403);
    const alerts = await rawRequest(server.url, {
      path: "/api/alerts",
      headers: { authorization: basic("desk") },
    });
    expect([alerts.status, JSON.parse(alerts.body)]).toStrictEqual([200, { alerts: [] }]);
  });

  it.each([
    ["a wrong secret", () => basic("web1.example.net", "not-the-secret")],
    ["a revoked credential", () => basic("gone")],
    ["an unknown name", () => basic("nobody", "whatever")],
  ])("answers 401 for %s", async (_name, header) => {
    const answer = await rawRequest(server.url, {
      path: "/api/reports",
      headers: { authorization: header() },
    });
    expect([answer.status, answer.headers["www-authenticate"]]).toStrictEqual([
      401,
      'Basic realm="spoor", charset="UTF-8"',
    ]);
  });

  it("refuses a credential from the request after it is revoked (same running server)", async () => {
    const authorization = basic("web1.example.net");
    expect(
      (await rawRequest(server.url, { path: "/api/reports", headers: { authorization } })).status,
    ).toBe(200);
    const db = openServerDatabase(`sqlite:${join(dir, "db", "spoor.sqlite")}`);
    await createCredentialStore(recordsOf(db), () => 1_700_000_100).revoke("web1.example.net");
    db.close();
    expect(
      (await rawRequest(server.url, { path: "/api/reports", headers: { authorization } })).status,
    ).toBe(401);
  });
});
