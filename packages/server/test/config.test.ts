import { chmod, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDirEach, thrownBy } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  loadServerConfig,
  parseDatabaseUrl,
  parseListen,
  ServerConfigError,
  validateServerConfig,
} from "../src/index.js";

const temp = tempDirEach("spoor-server-config-", { beforeEach, afterEach });

async function file(text: string, mode = 0o600): Promise<string> {
  const path = join(temp.path, "server.yml");
  await writeFile(path, text, { mode });
  await chmod(path, mode);
  return path;
}

describe("server.yml", () => {
  it("reads every key and fills in the defaults", async () => {
    const config = loadServerConfig(
      await file(
        "listen: 0.0.0.0:8443\ndatabase: sqlite:/srv/spoor.sqlite\npublic_url: https://spoor.example.net/\n" +
          "tls: {cert: /etc/c.pem, key: /etc/k.pem}\nrules:\n  ip-spray: {min_mailboxes: 10}\nretention_days: 30\n" +
          "notify:\n  - {type: webhook, url: 'https://hooks.example.net/x', secret: '0123456789abcdef0123'}\n",
      ),
    );
    expect(config).toMatchObject({
      listen: { host: "0.0.0.0", port: 8443 },
      database: "sqlite:/srv/spoor.sqlite",
      public_url: "https://spoor.example.net",
      tls: { cert: "/etc/c.pem", key: "/etc/k.pem" },
      retention_days: 30,
    });
    expect(config.notify).toHaveLength(1);
    expect(validateServerConfig(null).retention_days).toBe(400);
  });

  it.each([
    ["an unknown key", "listne: 1.2.3.4:1\n", "listne"],
    ["an unknown tls key", "tls: {cert: a, key: b, pass: c}\n", "tls.pass"],
    ["a bad listen", "listen: nowhere\n", "listen"],
    ["a bad database", "database: mysql://x\n", "database"],
    ["a bad retention", "retention_days: 0\n", "retention_days"],
    ["a bad public_url", "public_url: ftp://x\n", "public_url"],
  ])("refuses %s, naming the key", async (_name, text, key) => {
    const path = await file(text);
    const error = thrownBy(() => loadServerConfig(path), ServerConfigError);
    expect(error.key).toBe(key);
    expect(error.message).toContain(key);
  });

  it("names the rule key the correlation package refuses", async () => {
    const path = await file("rules:\n  ip-sprey: {}\n");
    expect(() => loadServerConfig(path)).toThrow(/ip-sprey/);
  });

  it("refuses a file others can read, a symlink, and a missing file unless optional", async () => {
    const path = await file("retention_days: 5\n", 0o644);
    expect(() => loadServerConfig(path)).toThrow(
      expect.objectContaining({ fix: `chmod 0600 ${path}` }),
    );
    await chmod(path, 0o600);
    const link = join(temp.path, "link.yml");
    await symlink(path, link);
    expect(() => loadServerConfig(link)).toThrow(/symlink/);
    expect(() => loadServerConfig(join(temp.path, "none.yml"))).toThrow(ServerConfigError);
    expect(loadServerConfig(join(temp.path, "none.yml"), { optional: true }).retention_days).toBe(
      400,
    );
  });
});

describe("--listen and --db values", () => {
  it("reads HOST:PORT and database URLs", () => {
    expect(parseListen("[::1]:0")).toStrictEqual({ host: "::1", port: 0 });
    expect(parseListen("localhost:8480")).toStrictEqual({ host: "localhost", port: 8480 });
    expect(() => parseListen("1.2.3.4:70000")).toThrow(ServerConfigError);
    expect(parseDatabaseUrl(":memory:")).toStrictEqual({ kind: "memory" });
    expect(parseDatabaseUrl("sqlite:/var/x.sqlite")).toStrictEqual({
      kind: "sqlite",
      path: "/var/x.sqlite",
    });
    expect(() => parseDatabaseUrl("sqlite:")).toThrow(TypeError);
    expect(parseDatabaseUrl("postgres://h/db")).toStrictEqual({
      kind: "postgres",
      url: "postgres://h/db",
    });
  });
});
