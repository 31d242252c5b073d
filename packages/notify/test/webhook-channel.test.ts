import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCertificate, rejectionOf, type TestCertificate } from "@spoor/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createWebhookChannel,
  NotifyConfigError,
  NotifyDeliveryError,
  type NotifyMessage,
  type WebhookChannelConfig,
} from "../src/index.js";
import { alertMessage, channelBase, makeAlert } from "./alert-fixture.js";
import { startWebhookSink, type WebhookSink } from "./webhook-sink.js";

const secret = "s3cret-s3cret-s3cret";
const message = alertMessage("5b0f4f1e-0000-4000-8000-000000000001", "opened");
const context = { publicUrl: "https://spoor.example.net/", signal: new AbortController().signal };

function config(url: string, overrides: Partial<WebhookChannelConfig> = {}): WebhookChannelConfig {
  return {
    type: "webhook",
    ...channelBase("hook", 2000),
    url,
    secret,
    ...overrides,
  };
}

let directory: string;
let certificate: TestCertificate;
let sink: WebhookSink;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "notify-webhook-"));
  certificate = makeCertificate(directory);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(async () => sink?.close());

describe("webhook channel", () => {
  it("POSTs the alert JSON with a valid HMAC signature, the delivery id and a chat text", async () => {
    sink = await startWebhookSink(secret);
    const channel = createWebhookChannel(config(sink.url));
    await channel.send(message, context);
    await channel.close();
    const [request] = sink.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/hooks/spoor");
    expect(request?.signatureValid).toBe(true);
    expect(request?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "spoor-notify",
      "x-spoor-delivery": "5b0f4f1e-0000-4000-8000-000000000001",
      "x-spoor-signature": expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    expect(request?.body).toEqual({
      ...makeAlert(),
      reason: "opened",
      delivery_id: "5b0f4f1e-0000-4000-8000-000000000001",
      console_url: "https://spoor.example.net/alerts/17",
      text: "[spoor] HIGH takeover-sequence alert 17 opened: alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)\nhttps://spoor.example.net/alerts/17",
    });
  });

  it("keeps hostile strings as data: exact in the alert fields, defused in the text", async () => {
    sink = await startWebhookSink(secret);
    const channel = createWebhookChannel(config(sink.url));
    const summary = "x\r\n<!channel> <https://evil.example|log in> & \u202eevil";
    await channel.send({ ...message, alert: makeAlert({ summary }) } as NotifyMessage, context);
    await channel.close();
    const body = sink.requests[0]?.body;
    expect(body?.summary).toBe(summary);
    expect(body?.text).toBe(
      "[spoor] HIGH takeover-sequence alert 17 opened: x\uFFFD\uFFFD&lt;!channel&gt; &lt;https://evil.example|log in&gt; &amp; \uFFFDevil\nhttps://spoor.example.net/alerts/17",
    );
  });

  it("classifies answers: 5xx and 429 (with Retry-After) retryable; 4xx and 3xx permanent", async () => {
    sink = await startWebhookSink(secret);
    sink.answers.push(
      { status: 503 },
      { status: 429, headers: { "Retry-After": "7" } },
      { status: 408 },
      { status: 404 },
      { status: 302, headers: { Location: "https://elsewhere.example/" } },
    );
    const channel = createWebhookChannel(config(sink.url));
    const facts = [];
    for (let index = 0; index < 5; index += 1) {
      const error = await rejectionOf(channel.send(message, context), NotifyDeliveryError);
      facts.push([error.channel, error.message, error.permanent, error.retryAfterMs]);
    }
    await channel.close();
    expect(facts).toEqual([
      ["hook", "HTTP 503", false, null],
      ["hook", "HTTP 429", false, 7000],
      ["hook", "HTTP 408", false, null],
      ["hook", "HTTP 404", true, null],
      ["hook", "HTTP 302: redirects are not followed; configure the final URL", true, null],
    ]);
    expect(sink.requests).toHaveLength(5);
  });

  it("gives up an attempt after timeout_ms as retryable", async () => {
    sink = await startWebhookSink(secret);
    sink.answers.push("hang");
    const channel = createWebhookChannel(config(sink.url, { timeout_ms: 300 }));
    const error = await rejectionOf(channel.send(message, context), NotifyDeliveryError);
    await channel.close();
    expect([error.message, error.permanent]).toEqual(["no answer within 300 ms", false]);
  });

  it("reports a refused connection as retryable", async () => {
    sink = await startWebhookSink(secret);
    const url = sink.url;
    await sink.close();
    const channel = createWebhookChannel(config(url));
    const error = await rejectionOf(channel.send(message, context), NotifyDeliveryError);
    await channel.close();
    expect([error.message, error.permanent]).toEqual(["ECONNREFUSED", false]);
  });

  it("verifies TLS: a self-signed peer is refused, and trusted through ca_file", async () => {
    sink = await startWebhookSink(secret, certificate);
    const untrusting = createWebhookChannel(config(sink.url));
    const error = await rejectionOf(untrusting.send(message, context), NotifyDeliveryError);
    await untrusting.close();
    expect([error.message, error.permanent]).toEqual(["DEPTH_ZERO_SELF_SIGNED_CERT", false]);
    expect(sink.requests).toHaveLength(0);
    const trusting = createWebhookChannel(config(sink.url, { ca_file: certificate.certPath }));
    await trusting.send(message, context);
    await trusting.close();
    expect(sink.requests.map((request) => request.signatureValid)).toEqual([true]);
  });

  it("refuses a ca_file it cannot read", () => {
    expect(() =>
      createWebhookChannel(config("https://127.0.0.1/", { ca_file: join(directory, "none.pem") })),
    ).toThrow(new NotifyConfigError("hook.ca_file", "cannot be read (ENOENT)"));
  });
});
