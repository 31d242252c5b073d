import type { AlertJson } from "@spoor/correlation";

/** Why an alert is notified: it opened, or its severity rose. */
export type NotifyReason = "opened" | "raised";

/**
 * The alert JSON of server.md §4 (declared by `@spoor/correlation`), as the API returns it;
 * the webhook body and the command's stdin carry it unchanged. Every string in it comes from
 * what hosts reported and is attacker-controlled.
 */
export type NotifyAlert = AlertJson;
