import { api } from "../api.js";
import { h, link, replace, table } from "../dom.js";
import { asnText, formatTime } from "../format.js";
import { networksOf } from "../networks.js";
import { alertsPath, mailboxEventsPath } from "../route.js";
import type { Alert, MailboxEvent } from "../types.js";
import { severityBadge, stateBadge } from "./badges.js";
import { eventTimeline } from "./event-timeline.js";

const RECORDS = 500;

/**
 * One mailbox: the networks it was used from, its alerts and its timeline of events (the
 * newest 500). Never throws (failures go to `onError`).
 */
export function mailboxView(
  container: HTMLElement,
  address: string,
  onError: (error: unknown) => void,
): void {
  replace(container, h("p", { attrs: { class: "status" } }, "Loading…"));
  Promise.all([
    api<{ mailbox_events: MailboxEvent[]; more_records: boolean }>(
      "GET",
      mailboxEventsPath(address, RECORDS),
    ),
    api<{ alerts: Alert[] }>("GET", alertsPath({ mailbox: address }, 100)),
  ])
    .then(([events, alerts]) => {
      const networks = networksOf(events.mailbox_events);
      replace(
        container,
        h("p", {}, link("/alerts", "← All alerts")),
        h("h1", {}, `Mailbox ${address}`),
        h("h2", {}, "Networks"),
        table(
          "networks",
          ["Network", "ASN", "Country", "Events", "First seen", "Last seen"],
          networks,
          (use) => [
            use.network,
            asnText(use.asn, use.as_name),
            use.country ?? "—",
            use.events,
            h("span", { attrs: { class: "time" } }, formatTime(use.first_event_time)),
            h("span", { attrs: { class: "time" } }, formatTime(use.last_event_time)),
          ],
        ),
        h("h2", {}, "Alerts"),
        alerts.alerts.length
          ? h(
              "ul",
              { attrs: { class: "mailbox-alerts" } },
              alerts.alerts.map((alert) =>
                h(
                  "li",
                  {},
                  severityBadge(alert.severity),
                  " ",
                  stateBadge(alert.state),
                  " ",
                  link(`/alerts/${alert.id}`, alert.rule),
                  ": ",
                  alert.summary,
                ),
              ),
            )
          : h("p", {}, "No alerts name this mailbox."),
        h("h2", {}, "Timeline"),
        eventTimeline(events.mailbox_events),
        events.more_records ? h("p", {}, `Only the newest ${RECORDS} events are shown.`) : null,
      );
    })
    .catch(onError);
}
