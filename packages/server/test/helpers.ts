import { request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { type ApiClient, createApiClient } from "@spoor/api-client";
import { CleanupStack } from "@spoor/test-support";
import type Database from "better-sqlite3";
import { type ServerOptions, type SpoorServer, startServer } from "../src/index.js";
import { createSqliteCredentialRecords } from "../src/sqlite/sqlite-credential-records.js";
import { wrapAsync } from "../src/sqlite/wrap-async.js";

export const CREDENTIALS = [{ identifier: "user123", secret: "secret" }];
export const BASIC = `Basic ${Buffer.from("user123:secret").toString("base64")}`;

/** The credential records of an opened SQLite server database, as the store contract has them. */
export const credentialRecordsOf = (db: Database.Database) =>
  wrapAsync(createSqliteCredentialRecords(db), async (call) => await call());

/** Tracks what a test started, so `afterEach` can stop it. */
export const cleanups = new CleanupStack();

/** Stops what the test started (for `afterEach`). */
export function runCleanups(): Promise<void> {
  return cleanups.run();
}

/** A server on 127.0.0.1:0 (in memory, `--credentials user123:secret`) plus an api-client. */
export async function serverWithClient(
  options: Partial<ServerOptions> = {},
): Promise<{ server: SpoorServer; client: ApiClient }> {
  const server = await startServer({ credentials: CREDENTIALS, ...options });
  cleanups.push(() => server.close());
  const client = createApiClient({
    host: server.url,
    credentials: { api_identifier: "user123", api_secret: "secret" },
  });
  cleanups.push(() => client.close());
  return { server, client };
}

/** A response read whole. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request with node:http (no client-side checks), returning the whole response. */
export function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: OutgoingHttpHeaders; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}${options.path}`,
      { method: options.method ?? "GET", headers: options.headers ?? {}, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** A report body with one entry. */
export function reportBody(entry: Record<string, unknown>, reporter = "host1"): string {
  return JSON.stringify({ report: { entries: [entry], metadata: { reporter } } });
}

/** Writes raw bytes to a TCP socket and resolves with everything the server sent back. */
export function rawExchange(url: string, bytes: Buffer | string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", reject);
  });
}

/** The status code of a raw HTTP/1.1 answer. */
export function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

/** The JSON body of a raw HTTP/1.1 answer (Content-Length framed). */
export function bodyOf(answer: string): unknown {
  return JSON.parse(
    Buffer.from(answer.slice(answer.indexOf("\r\n\r\n") + 4), "latin1").toString("utf8"),
  );
}

/** Waits until `check` returns a value other than undefined, polling every 20 ms. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
