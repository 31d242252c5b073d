import { api } from "../api.js";
import { h, link, replace } from "../dom.js";
import { formatTime } from "../format.js";
import { mailboxEventsPath } from "../route.js";
import type { Alert, MailboxEvent } from "../types.js";
import { severityBadge, stateBadge } from "./badges.js";
import { eventTimeline } from "./event-timeline.js";

/** Most evidence events the detail loads (an alert rarely has more). */
const MAX_EVENTS = 100;

const ACTIONS = [
  { state: "acknowledged", label: "Acknowledge" },
  { state: "resolved", label: "Resolve" },
  { state: "false_positive", label: "False positive" },
  { state: "open", label: "Reopen" },
] as const;

function facts(alert: Alert) {
  const row = (name: string, ...value: (string | Node)[]) =>
    h("tr", {}, h("th", { attrs: { scope: "row" } }, name), h("td", {}, ...value));
  const joined = (values: string[]) => (values.length ? values.join(", ") : "—");
  return h(
    "table",
    { attrs: { class: "facts" } },
    h(
      "tbody",
      {},
      row("Severity", severityBadge(alert.severity)),
      row("State", stateBadge(alert.state)),
      row("Rule", alert.rule),
      row(
        "Mailboxes",
        ...alert.mailbox_addresses.flatMap((m, i) => [
          ...(i ? [", "] : []),
          link(`/mailboxes/${encodeURIComponent(m)}`, m),
        ]),
      ),
      row("Hosts", joined(alert.hosts)),
      row("IPs", joined(alert.ips)),
      row("Forward recipients", joined(alert.forward_recipients)),
      row("First event", formatTime(alert.first_event_time)),
      row("Last event", formatTime(alert.last_event_time)),
      row("Raised", formatTime(alert.created_at)),
      row("Updated", formatTime(alert.updated_at)),
    ),
  );
}

/**
 * One alert: its summary, facts, evidence timeline and the analyst's buttons. "False
 * positive" also assesses every evidence event `benign` (PATCH /api/mailbox_events/:id).
 * Never throws (failures go to `onError`).
 */
export function alertDetailView(
  container: HTMLElement,
  id: number,
  onError: (error: unknown) => void,
): void {
  const show = (alert: Alert, events: MailboxEvent[], around: MailboxEvent[]) => {
    const message = h("p", { attrs: { class: "status", "aria-live": "polite" } });
    const buttons = ACTIONS.filter((action) => action.state !== alert.state).map((action) =>
      h(
        "button",
        {
          attrs: { type: "button", "data-state": action.state },
          on: {
            click: () => {
              for (const button of buttons) button.disabled = true;
              change(alert, action.state)
                .then(() => load())
                .catch((error: unknown) => {
                  for (const button of buttons) button.disabled = false;
                  onError(error);
                });
            },
          },
        },
        action.label,
      ),
    );
    replace(
      container,
      h("p", {}, link("/alerts", "← All alerts")),
      h("h1", {}, `Alert ${alert.id}: ${alert.rule}`),
      h("p", { attrs: { class: "alert-summary" } }, alert.summary),
      h("div", { attrs: { class: "actions" } }, buttons),
      message,
      facts(alert),
      h("h2", {}, "Evidence"),
      events.length
        ? h("div", { attrs: { class: "evidence" } }, eventTimeline(events))
        : h("p", {}, "No evidence events are stored."),
      alert.event_ids.length > MAX_EVENTS
        ? h("p", {}, `The first ${MAX_EVENTS} of ${alert.event_ids.length} events are shown.`)
        : null,
      h("h2", {}, "Around it on the mailbox"),
      h(
        "p",
        { attrs: { class: "status" } },
        "Other events of the alert's mailboxes from an hour before its first event to a day after its last (a removal of the forwarder, later logins).",
      ),
      around.length
        ? h("div", { attrs: { class: "around" } }, eventTimeline(around))
        : h("p", {}, "None."),
    );
  };
  const load = async () => {
    const alert = await api<Alert>("GET", `/api/alerts/${id}`);
    const events = await Promise.all(
      alert.event_ids
        .slice(0, MAX_EVENTS)
        .map((eventId) => api<MailboxEvent>("GET", `/api/mailbox_events/${eventId}`)),
    );
    show(alert, events, await aroundAlert(alert));
  };
  replace(container, h("p", { attrs: { class: "status" } }, "Loading…"));
  load().catch(onError);
}

async function change(alert: Alert, state: string): Promise<void> {
  await api("PATCH", `/api/alerts/${alert.id}`, { state });
  if (state !== "false_positive") return;
  for (const eventId of alert.event_ids) {
    await api("PATCH", `/api/mailbox_events/${eventId}`, { class: "benign" });
  }
}

/** Mailboxes whose neighbouring events the detail loads. */
const AROUND_MAILBOXES = 3;

/**
 * The other events of the alert's first mailboxes from an hour before its first event to a
 * day after its last (the newest 500 of each mailbox are looked at).
 */
async function aroundAlert(alert: Alert): Promise<MailboxEvent[]> {
  const from = (alert.first_event_time ?? 0) - 3600;
  const to = (alert.last_event_time ?? 0) + 86_400;
  const evidence = new Set(alert.event_ids);
  const lists = await Promise.all(
    alert.mailbox_addresses
      .slice(0, AROUND_MAILBOXES)
      .map((mailbox) =>
        api<{ mailbox_events: MailboxEvent[] }>("GET", mailboxEventsPath(mailbox, 500)),
      ),
  );
  return lists
    .flatMap((list) => list.mailbox_events)
    .filter(
      (event) =>
        !evidence.has(event.id) &&
        event.event_time !== null &&
        event.event_time >= from &&
        event.event_time <= to,
    );
}
