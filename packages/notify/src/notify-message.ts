import type { NotifyAlert, NotifyReason } from "./notify-alert.js";

/** One alert event in a message. */
export interface NotifyItem {
  reason: NotifyReason;
  alert: NotifyAlert;
}

/** What a channel sends: one alert, or a digest of alerts held back over `max_per_hour`. */
export type NotifyMessage =
  | ({ kind: "alert"; delivery_id: string } & NotifyItem)
  | { kind: "digest"; delivery_id: string; items: NotifyItem[]; omitted: number };

/** What a channel is given with each message. */
export interface SendContext {
  /** The console's base URL; links are `<publicUrl>/alerts/<id>`. */
  publicUrl?: string;
  /** Aborted when the worker shuts down past its grace. */
  signal: AbortSignal;
}

/** A notification sink. */
export interface NotifyChannel {
  readonly name: string;
  readonly maxPerHour: number;
  /** The bound of one `send`. */
  readonly timeoutMs: number;
  /**
   * Delivers one message, within `timeoutMs`.
   * @throws NotifyDeliveryError when it was not delivered (`permanent` when a retry cannot help)
   */
  send(message: NotifyMessage, context: SendContext): Promise<void>;
  /** Frees sockets; later sends are not expected. Never throws. */
  close(): Promise<void>;
}
