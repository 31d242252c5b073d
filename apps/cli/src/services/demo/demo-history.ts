import type { ApiClient, FormattedEntry } from "@spoor/api-client";

/** The victim's usual whereabouts before the demo's takeover. */
export const DEMO_HISTORY = {
  mailbox: "alice@example.com",
  ip: "198.51.100.23",
  days: 30,
} as const;

const DAY_SECONDS = 86_400;

/**
 * What a month of the agent's reports would have told the server before the demo: one
 * webmail login of alice@example.com from her office (198.51.100.23) each day of the last
 * 30, at the event's own time. Without that history a first login proves nothing (the
 * `novel-login` rule wants 7 days of it), so there would be no takeover to detect.
 * @returns how many reports were posted.
 * @throws ApiError when the server refuses one.
 */
export async function postDemoHistory(
  client: ApiClient,
  reporter: string,
  nowSeconds: number,
): Promise<number> {
  for (let day = DEMO_HISTORY.days; day >= 1; day -= 1) {
    const entry: FormattedEntry = {
      type: "login",
      time: nowSeconds - day * DAY_SECONDS,
      ip: DEMO_HISTORY.ip,
      mailbox_address: DEMO_HISTORY.mailbox,
      context: "mailbox",
      host: reporter,
    };
    await client.sendReport(entry, { idempotencyKey: `demo-history-${day}`, reporter });
  }
  return DEMO_HISTORY.days;
}
