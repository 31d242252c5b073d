import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startWebhookSink, type WebhookSink } from "./demo-webhook-sink.js";

const SECRET = "demo-secret-0123456789";
let sink: WebhookSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

async function post(body: string, signature?: string): Promise<number> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-spoor-delivery": "d-1",
  };
  if (signature !== undefined) headers["x-spoor-signature"] = signature;
  const response = await fetch(sink!.url, { method: "POST", headers, body });
  return response.status;
}

const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("the demo's webhook sink", () => {
  it("accepts a body signed with the secret and records the parsed alert", async () => {
    sink = await startWebhookSink(SECRET);
    const body = JSON.stringify({ id: 1, rule: "takeover-sequence", text: "é" });
    expect(await post(body, sign(body))).toBe(204);
    expect(sink.deliveries).toEqual([
      {
        deliveryId: "d-1",
        signatureValid: true,
        body: { id: 1, rule: "takeover-sequence", text: "é" },
      },
    ]);
  });

  it("refuses (401) and records a wrong, foreign or missing signature", async () => {
    sink = await startWebhookSink(SECRET);
    const body = '{"id":2}';
    expect(await post(body, sign(body, "another-secret-0000"))).toBe(401);
    expect(await post(body, sign('{"id":3}'))).toBe(401);
    expect(await post(body)).toBe(401);
    expect(await post(body, "sha256=zz")).toBe(401);
    expect(sink.deliveries.map((d) => d.signatureValid)).toEqual([false, false, false, false]);
  });
});
