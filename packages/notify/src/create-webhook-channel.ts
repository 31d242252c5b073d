import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import fetch from "node-fetch";
import { attemptSignal } from "./attempt-signal.js";
import { buildAlertDocument } from "./build-alert-document.js";
import { channelLimits, type WebhookChannelConfig } from "./channel-config.js";
import { formatMessageText } from "./format-message-text.js";
import { NotifyDeliveryError } from "./notify-delivery-error.js";
import type { NotifyChannel } from "./notify-message.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import { readCaFile } from "./read-ca-file.js";
import { signBody } from "./sign-body.js";

const RESPONSE_LIMIT = 64 * 1024;

/** Slack's mrkdwn control characters, so a reported string cannot ping `<!channel>` or link. */
function escapeChatText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function discardBody(body: NodeJS.ReadableStream | null): Promise<void> {
  if (body === null) return;
  let read = 0;
  for await (const chunk of body) {
    read += (chunk as Buffer).length;
    if (read > RESPONSE_LIMIT) break;
  }
  (body as unknown as { destroy?: () => void }).destroy?.();
}

function failureFor(name: string, status: number, retryAfter: string | null): NotifyDeliveryError {
  if (status === 408 || status === 429 || status >= 500) {
    return new NotifyDeliveryError(
      name,
      `HTTP ${status}`,
      false,
      parseRetryAfter(retryAfter, Date.now()),
    );
  }
  if (status >= 300 && status < 400) {
    return new NotifyDeliveryError(
      name,
      `HTTP ${status}: redirects are not followed; configure the final URL`,
      true,
    );
  }
  return new NotifyDeliveryError(name, `HTTP ${status}`, status >= 400);
}

/**
 * A webhook channel: POSTs the alert document as JSON with `X-Spoor-Signature`
 * (`sha256=<hex HMAC of the raw body>`), `X-Spoor-Delivery` and a Slack-style `text`.
 * TLS is verified (system CAs plus `ca_file`); redirects are not followed. 2xx is delivered;
 * 408, 429, 5xx and network errors are retryable; 3xx and other 4xx are permanent.
 *
 * @throws NotifyConfigError when `ca_file` cannot be read
 */
export function createWebhookChannel(config: WebhookChannelConfig): NotifyChannel {
  const ca = readCaFile(config.name, config.ca_file);
  const agent = config.url.startsWith("https:")
    ? new HttpsAgent({ keepAlive: true, maxSockets: 4, ...(ca ? { ca } : {}) })
    : new HttpAgent({ keepAlive: true, maxSockets: 4 });
  return {
    ...channelLimits(config),
    async send(message, context) {
      const text = escapeChatText(formatMessageText(message, context.publicUrl));
      const body = Buffer.from(
        JSON.stringify(buildAlertDocument(message, text, context.publicUrl)),
      );
      const attempt = attemptSignal(context.signal, config.timeout_ms);
      try {
        const response = await fetch(config.url, {
          method: "POST",
          body,
          agent,
          redirect: "manual",
          signal: attempt.signal,
          headers: {
            "Content-Type": "application/json",
            "User-Agent": "spoor-notify",
            "X-Spoor-Delivery": message.delivery_id,
            "X-Spoor-Signature": signBody(body, config.secret),
          },
        });
        await discardBody(response.body);
        if (response.status >= 200 && response.status < 300) return;
        throw failureFor(config.name, response.status, response.headers.get("retry-after"));
      } catch (error) {
        if (error instanceof NotifyDeliveryError) throw error;
        const reason = attempt.timedOut()
          ? `no answer within ${config.timeout_ms} ms`
          : ((error as { code?: string }).code ?? (error as Error).name ?? "network error");
        throw new NotifyDeliveryError(config.name, reason, false);
      } finally {
        attempt.done();
      }
    },
    async close() {
      agent.destroy();
    },
  };
}
