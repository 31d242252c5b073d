import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { validateServerConfig } from "../src/index.js";
import { BASIC, runCleanups, serverWithClient } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spoor-server-tls-"));
  // A throw-away self-signed certificate for 127.0.0.1, made by the openssl binary.
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"],
      ...["-addext", "subjectAltName=IP:127.0.0.1"],
      ...["-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
    ],
    { stdio: "ignore" },
  );
});
afterAll(async () => {
  await runCleanups();
  await rm(dir, { recursive: true, force: true });
});

it("serves https with tls: {cert, key}, verified against that certificate", async () => {
  const { server } = await serverWithClient({
    config: validateServerConfig({
      tls: { cert: join(dir, "cert.pem"), key: join(dir, "key.pem") },
    }),
  });
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const ca = await readFile(join(dir, "cert.pem"));
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${server.url}/api/stats`,
      { ca, headers: { authorization: BASIC } },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toMatchObject({ reports: 0 });
});
