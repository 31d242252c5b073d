import { api } from "../api.js";
import { h, link, replace } from "../dom.js";
import { formatAge, formatTime } from "../format.js";
import type { Host } from "../types.js";

/**
 * Every host: its last report, last event time and last heartbeat; hosts whose agent fell
 * silent are flagged. Never throws (failures go to `onError`).
 */
export function hostsView(container: HTMLElement, onError: (error: unknown) => void): void {
  replace(container, h("p", { attrs: { class: "status" } }, "Loading…"));
  api<{ hosts: Host[]; now: number }>("GET", "/api/hosts")
    .then(({ hosts, now }) => {
      const when = (seconds: number | null) =>
        h(
          "td",
          { attrs: { class: "time" } },
          formatTime(seconds),
          h("br"),
          h("small", {}, formatAge(seconds, now)),
        );
      replace(
        container,
        h("h1", {}, "Hosts"),
        h("p", {}, `${hosts.length} hosts, ${hosts.filter((host) => host.silent).length} silent.`),
        h(
          "table",
          { attrs: { class: "hosts" } },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              [
                "Host",
                "Status",
                "Last report",
                "Last event",
                "Last heartbeat",
                "Agent",
                "Queue",
              ].map((t) => h("th", { attrs: { scope: "col" } }, t)),
            ),
          ),
          h(
            "tbody",
            {},
            hosts.map((host) =>
              h(
                "tr",
                { attrs: { class: host.silent ? "silent" : "" } },
                h("td", {}, link(`/alerts?host=${encodeURIComponent(host.host)}`, host.host)),
                h(
                  "td",
                  {},
                  host.silent
                    ? h("span", { attrs: { class: "badge sev-medium" } }, "silent")
                    : host.last_heartbeat_at === null
                      ? "no heartbeats"
                      : "reporting",
                ),
                when(host.last_report_at),
                h("td", { attrs: { class: "time" } }, formatTime(host.last_event_time)),
                when(host.last_heartbeat_at),
                h("td", {}, host.agent_version ?? "—"),
                h("td", {}, host.queue_depth ?? "—"),
              ),
            ),
          ),
        ),
      );
    })
    .catch(onError);
}
