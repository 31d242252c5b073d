import { createHmac, timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One POST the sink received. */
export interface SinkDelivery {
  /** `X-Spoor-Delivery`. */
  deliveryId: string;
  /** Whether `X-Spoor-Signature` is the HMAC-SHA256 of the raw body with the secret. */
  signatureValid: boolean;
  /** The parsed JSON body (an alert or a digest), or undefined when it was not JSON. */
  body: Record<string, unknown> | undefined;
}

/** A local webhook receiver for the demo's notifications. */
export interface WebhookSink {
  /** `http://127.0.0.1:PORT/hooks/spoor`. */
  url: string;
  deliveries: SinkDelivery[];
  close(): Promise<void>;
}

/** Largest body read; a larger one is refused with 413 and recorded as unsigned. */
const MAX_BODY = 1024 * 1024;

/**
 * `sha256=<hex>` of `body` with `secret`, compared in constant time with `header`. Never
 * throws.
 */
export function isValidSignature(
  secret: string,
  body: Buffer,
  header: string | undefined,
): boolean {
  if (header === undefined) return false;
  const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return (
    header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected))
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a webhook receiver on 127.0.0.1 (port 0) that checks every POST's
 * `X-Spoor-Signature` against `secret` and records it: 204 for a valid signature, 401 for a
 * wrong or missing one (the notifier then gives up on it instead of retrying), 413 for a body
 * over 1 MiB. @throws the listen error.
 */
export async function startWebhookSink(secret: string): Promise<WebhookSink> {
  const deliveries: SinkDelivery[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const header = request.headers["x-spoor-signature"];
    const signature = Array.isArray(header) ? undefined : header;
    const deliveryId = String(request.headers["x-spoor-delivery"] ?? "");
    if (body === undefined) {
      deliveries.push({ deliveryId, signatureValid: false, body: undefined });
      response.writeHead(413).end();
      return;
    }
    const signatureValid = isValidSignature(secret, body, signature);
    deliveries.push({ deliveryId, signatureValid, body: parseObject(body) });
    response.writeHead(signatureValid ? 204 : 401).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/spoor`,
    deliveries,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
