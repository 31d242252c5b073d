import type { Severity } from "./severity.js";

/** The settings every channel has. */
export interface ChannelConfigBase {
  /** Unique among the channels; default `<type>-<position>`, e.g. `webhook-1`. */
  name: string;
  /** The lowest severity this channel is told about; default `medium`. */
  min_severity: Severity;
  /** Messages per hour before the rest of the hour is folded into one digest; default 30. */
  max_per_hour: number;
  /** The bound of one delivery attempt; default 10000. */
  timeout_ms: number;
}

/** What every channel takes over from its settings: its name and its limits. Never throws. */
export function channelLimits(config: ChannelConfigBase): {
  name: string;
  maxPerHour: number;
  timeoutMs: number;
} {
  return { name: config.name, maxPerHour: config.max_per_hour, timeoutMs: config.timeout_ms };
}

/** An HTTP(S) endpoint that receives the alert JSON, signed with `secret`. */
export interface WebhookChannelConfig extends ChannelConfigBase {
  type: "webhook";
  url: string;
  secret: string;
  /** A PEM bundle trusted in addition to the system's CAs. */
  ca_file?: string;
}

/** Plain-text mail over SMTP: `smtp://` (STARTTLS when offered) or `smtps://`. */
export interface EmailChannelConfig extends ChannelConfigBase {
  type: "email";
  smtp: string;
  from: string;
  to: string[];
  /** Refuse to send over `smtp://` when the server offers no STARTTLS; default false. */
  require_tls: boolean;
  /** A PEM bundle trusted in addition to the system's CAs. */
  ca_file?: string;
}

/** An executable run without a shell, the alert JSON on its stdin. */
export interface CommandChannelConfig extends ChannelConfigBase {
  type: "command";
  path: string;
  args: string[];
}

/** One validated entry of `notify:`. */
export type NotifyChannelConfig = WebhookChannelConfig | EmailChannelConfig | CommandChannelConfig;

/** What the outbox needs of a channel to decide whether an alert reaches it. */
export type OutboxChannel = Pick<NotifyChannelConfig, "name" | "min_severity">;
