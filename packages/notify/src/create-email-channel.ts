import nodemailer from "nodemailer";
import { channelLimits, type EmailChannelConfig } from "./channel-config.js";
import { cleanText } from "./clean-text.js";
import { formatEmail } from "./format-email.js";
import { NotifyDeliveryError } from "./notify-delivery-error.js";
import type { NotifyChannel } from "./notify-message.js";
import { readCaFile } from "./read-ca-file.js";

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

function transportOptions(config: EmailChannelConfig, ca: string[] | undefined) {
  const url = new URL(config.smtp);
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? (secure ? 465 : 587) : Number(url.port),
    secure,
    requireTLS: config.require_tls,
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    tls: { rejectUnauthorized: true, minVersion: "TLSv1.2" as const, ...(ca ? { ca } : {}) },
    connectionTimeout: config.timeout_ms,
    greetingTimeout: config.timeout_ms,
    socketTimeout: config.timeout_ms,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function failureFor(name: string, error: SmtpFailure): NotifyDeliveryError {
  const code = error.responseCode;
  const what = code ? `SMTP ${code}` : (error.code ?? "SMTP error");
  const detail = cleanText(error.message ?? "", 200);
  return new NotifyDeliveryError(name, `${what}: ${detail}`, code !== undefined && code >= 500);
}

/**
 * An email channel: one plain-text mail per message from `from` to every `to`, over
 * `smtp://` (STARTTLS whenever the server offers it, required with `require_tls`) or
 * `smtps://`, certificates verified (system CAs plus `ca_file`). The envelope and the headers
 * come from the config alone; alert text enters only the cleaned subject and the body.
 * An SMTP 5xx is permanent; 4xx, timeouts and network errors are retryable.
 *
 * @throws NotifyConfigError when `ca_file` cannot be read
 */
export function createEmailChannel(config: EmailChannelConfig): NotifyChannel {
  const transport = nodemailer.createTransport(
    transportOptions(config, readCaFile(config.name, config.ca_file)),
  );
  return {
    ...channelLimits(config),
    async send(message, context) {
      const content = formatEmail(message, context.publicUrl);
      if (context.signal.aborted)
        throw new NotifyDeliveryError(config.name, "shutting down", false);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new NotifyDeliveryError(
                config.name,
                `no answer within ${config.timeout_ms} ms`,
                false,
              ),
            ),
          config.timeout_ms,
        );
        context.signal.addEventListener(
          "abort",
          () => reject(new NotifyDeliveryError(config.name, "shutting down", false)),
          { once: true },
        );
      });
      try {
        await Promise.race([
          transport.sendMail({
            from: config.from,
            to: config.to,
            envelope: { from: config.from, to: config.to },
            subject: content.subject,
            text: content.text,
            headers: { "X-Spoor-Delivery": message.delivery_id },
          }),
          deadline,
        ]);
      } catch (error) {
        if (error instanceof NotifyDeliveryError) throw error;
        throw failureFor(config.name, error as SmtpFailure);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      transport.close();
    },
  };
}
