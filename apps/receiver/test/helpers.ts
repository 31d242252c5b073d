import { request as httpRequest, type OutgoingHttpHeaders } from "node:http";
import { type ApiClient, createApiClient } from "@spoor/api-client";
import { CleanupStack } from "@spoor/test-support";
import { type Receiver, type ReceiverOptions, startReceiver } from "../src/index.js";

export const CREDENTIALS = [{ identifier: "user123", secret: "secret" }];
export const BASIC = `Basic ${Buffer.from("user123:secret").toString("base64")}`;

/** Tracks what a test started, so `afterEach` can stop it. */
export const cleanups = new CleanupStack();

/** Stops what the test started (for `afterEach`). */
export function runCleanups(): Promise<void> {
  return cleanups.run();
}

/** A receiver on 127.0.0.1:0 plus an api-client pointed at it. */
export async function receiverWithClient(
  options: Partial<ReceiverOptions> = {},
): Promise<{ receiver: Receiver; client: ApiClient }> {
  const receiver = await startReceiver({ credentials: CREDENTIALS, ...options });
  cleanups.push(() => receiver.close());
  const client = createApiClient({
    host: receiver.url,
    credentials: { api_identifier: "user123", api_secret: "secret" },
  });
  cleanups.push(() => client.close());
  return { receiver, client };
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
