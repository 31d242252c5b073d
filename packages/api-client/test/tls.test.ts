import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCertificate } from "@spoor/test-support";
import { expect, it } from "vitest";
import { createApiClient } from "../src/index.js";
import { rejection } from "./error-facts.js";

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

it.runIf(hasOpenssl())(
  "refuses a server with a self-signed certificate (TLS verification on)",
  async () => {
    const dir = await mkdtemp(join(tmpdir(), "spoor-api-client-tls-"));
    try {
      const certificate = makeCertificate(dir);
      let served = 0;
      const server = createServer(
        { key: certificate.key, cert: certificate.cert },
        (_request, response) => {
          served += 1;
          response.writeHead(202).end();
        },
      );
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/reports`;
      const client = createApiClient({
        host: url.replace("/api/reports", ""),
        credentials: { api_identifier: "u", api_secret: "s" },
      });
      const facts = await rejection(
        client.sendReport({ type: "login", host: "h" }, { idempotencyKey: "k", reporter: "r" }),
      );
      client.close();
      server.close();
      expect(facts).toStrictEqual({
        message: `POST ${url}: TLS certificate verification failed (DEPTH_ZERO_SELF_SIGNED_CERT)`,
        kind: "network",
        method: "POST",
        url,
        isRetryable: true,
        code: "DEPTH_ZERO_SELF_SIGNED_CERT",
      });
      expect(served).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);
