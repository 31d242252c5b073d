import type { NotifyChannelConfig } from "./channel-config.js";
import { createCommandChannel } from "./create-command-channel.js";
import { createEmailChannel } from "./create-email-channel.js";
import { createWebhookChannel } from "./create-webhook-channel.js";
import type { NotifyChannel } from "./notify-message.js";

/**
 * The channel a validated config describes.
 * @throws NotifyConfigError for an unreadable `ca_file` or an unsafe command executable
 */
export function createChannel(config: NotifyChannelConfig): NotifyChannel {
  switch (config.type) {
    case "webhook":
      return createWebhookChannel(config);
    case "email":
      return createEmailChannel(config);
    case "command":
      return createCommandChannel(config);
  }
}
