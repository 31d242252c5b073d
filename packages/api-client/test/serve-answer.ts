import type { CleanupStack } from "@spoor/test-support";
import { type ApiClient, createApiClient } from "../src/index.js";
import { answer, type CaptureServer, startCaptureServer } from "./capture-server.js";

/**
 * A capture server that answers every request with `status` and `body`, and a client of it
 * with `credentials`; both are closed by `cleanups`.
 */
export async function serveAnswer(
  cleanups: CleanupStack,
  credentials: { api_identifier: string; api_secret: string },
  status: number,
  body: string,
): Promise<{ server: CaptureServer; client: ApiClient }> {
  const server = await startCaptureServer((_q, response) => answer(response, status, body));
  cleanups.push(() => server.close());
  const client = createApiClient({ host: server.url, credentials });
  cleanups.push(() => client.close());
  return { server, client };
}
