import type { OutboxChannel } from "./channel-config.js";
import type { EnqueueInput, OutboxRow } from "./notify-outbox.js";
import { isSeverity, meetsSeverity } from "./severity.js";

/**
 * The channels an alert event reaches (its severity meets their `min_severity`).
 * @throws TypeError for a reason or severity the outbox does not know
 */
export function admittingChannels(
  channels: readonly OutboxChannel[],
  input: EnqueueInput,
): OutboxChannel[] {
  if (input.reason !== "opened" && input.reason !== "raised") {
    throw new TypeError(`unknown notification reason ${JSON.stringify(input.reason)}`);
  }
  if (!isSeverity(input.alert.severity)) {
    throw new TypeError(`unknown alert severity ${JSON.stringify(input.alert.severity)}`);
  }
  return channels.filter((channel) => meetsSeverity(input.alert.severity, channel.min_severity));
}

/** The idempotency key of one alert event on one channel. */
export function eventKey(channel: string, input: EnqueueInput): string {
  return JSON.stringify([input.alert.id, input.reason, input.alert.severity, channel]);
}

/** Orders rows for claiming: due time, then id. */
export function byDueThenId(left: OutboxRow, right: OutboxRow): number {
  return left.next_attempt_at - right.next_attempt_at || left.id - right.id;
}
