import { expect } from "vitest";
import { type Delivered, expectedReports, settleDelivery } from "./delivery.js";
import { keyViolations } from "./idempotency.js";
import type { MailboxEvent } from "./log-lines.js";
import type { Stack } from "./stack.js";

/**
 * Waits for the delivery of `events` to settle (settleDelivery), then asserts what every
 * delivery test asserts: the receiver holds exactly one report per event, and the agent
 * never sent one address under two keys nor one key for two addresses. Resolves with what
 * was delivered, for a test's own checks.
 */
export async function expectExactlyDelivered(
  stack: Pick<Stack, "receiver" | "reporter" | "root" | "proxy">,
  events: readonly MailboxEvent[],
  timeoutMs?: number,
): Promise<Delivered> {
  const delivered = await settleDelivery(
    stack.receiver,
    stack.reporter,
    events,
    stack.root,
    timeoutMs,
  );
  expect(delivered.reports).toEqual(expectedReports(events));
  expect(delivered.stats.reports).toBe(events.length);
  expect(keyViolations(stack.proxy.requests())).toMatchObject({
    addressesWithSeveralKeys: [],
    keysWithSeveralAddresses: [],
  });
  return delivered;
}
