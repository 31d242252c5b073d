import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { spawnCli } from "./helpers/spawn-cli.js";

let dir: string;
let db: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spoor-cli-server-"));
  db = `sqlite:${join(dir, "state", "spoor.sqlite")}`;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("spoor server (plugin)", () => {
  it("adds, lists and revokes credentials; the secret is printed once and works once revoked never", async () => {
    const addCredential = (name: string, role: string) =>
      runCli(["server", "credentials", "add", name, "--role", role, "--db", db]);
    const added = await addCredential("web1.example.net", "reporter");
    expect(added.code).toBe(0);
    const credential = JSON.parse(added.stdout) as { api_identifier: string; api_secret: string };
    expect(credential.api_identifier).toBe("web1.example.net");
    expect(credential.api_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const analyst = await addCredential("desk", "analyst");
    expect(analyst.code).toBe(0);
    const again = await addCredential("desk", "analyst");
    expect([again.code, again.stderr]).toStrictEqual([
      1,
      "Error: a credential named desk exists already (revoked or not)\n",
    ]);
    const badRole = await addCredential("x", "admin");
    expect(badRole.code).not.toBe(0);

    const listed = await runCli(["server", "credentials", "list", "--output", "json", "--db", db]);
    expect(
      (JSON.parse(listed.stdout) as Array<{ name: string; role: string; hosts: string }>).map(
        (c) => [c.name, c.role, c.hosts],
      ),
    ).toStrictEqual([
      ["desk", "analyst", "*"],
      ["web1.example.net", "reporter", "web1.example.net"],
    ]);
    expect(listed.stdout).not.toContain(credential.api_secret);
    expect(await readFile(join(dir, "state", "spoor.sqlite"))).not.toContain(
      Buffer.from(credential.api_secret),
    );

    const config = join(dir, "server.yml");
    await writeFile(config, "{}\n", { mode: 0o600 });
    const server = spawnCli(["server", "--config", config, "--db", db, "--listen", "127.0.0.1:0"]);
    await server.waitForLog((line) => line.msg === "listening");
    const deadline = Date.now() + 10_000;
    while (!server.stdout().includes("\n") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const url = server.stdout().split("\n")[0]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const auth = `Basic ${Buffer.from(`web1.example.net:${credential.api_secret}`).toString("base64")}`;
    expect((await fetch(`${url}/api/reports`, { headers: { authorization: auth } })).status).toBe(
      200,
    );
    const revoked = await runCli([
      "server",
      "credentials",
      "revoke",
      "web1.example.net",
      "--db",
      db,
    ]);
    expect([revoked.code, revoked.stdout]).toStrictEqual([0, "revoked web1.example.net\n"]);
    expect((await fetch(`${url}/api/reports`, { headers: { authorization: auth } })).status).toBe(
      401,
    );
    expect(await server.stop("SIGTERM")).toBe(0);
    const unknown = await runCli(["server", "credentials", "revoke", "nobody", "--db", db]);
    expect(unknown.code).toBe(1);
  }, 60_000);

  it("without --db, the credential commands use the database: of server.yml, as the unit does", async () => {
    const chosen = join(dir, "fleet", "spoor.sqlite");
    const config = join(dir, "fleet.yml");
    await writeFile(config, `database: sqlite:${chosen}\n`, { mode: 0o600 });
    const added = await runCli([
      "server",
      "credentials",
      "add",
      "web9.example.net",
      "--role",
      "reporter",
      "--config",
      config,
    ]);
    expect([added.code, added.stderr]).toStrictEqual([0, ""]);
    const listed = await runCli([
      "server",
      "credentials",
      "list",
      "--output",
      "json",
      "--db",
      `sqlite:${chosen}`,
    ]);
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((c) => c.name)).toStrictEqual(
      ["web9.example.net"],
    );
    const open = join(dir, "open.yml");
    await writeFile(open, `database: sqlite:${chosen}\n`, { mode: 0o644 });
    const refused = await runCli(["server", "credentials", "list", "--config", open]);
    expect([refused.code, refused.stderr]).toStrictEqual([
      1,
      `Error: ${open} has mode 0644; expected 0600 (it holds secrets)\nFix: chmod 0600 ${open}\n`,
    ]);
  }, 60_000);
});
