import { api } from "../api.js";
import { h, link, replace, table } from "../dom.js";
import { formatAge, formatTime } from "../format.js";
import type { Host } from "../types.js";

/**
 * Every host: its last report and last heartbeat; hosts whose agent fell
 * silent are flagged. Never throws (failures go to `onError`).
 */
export function hostsView(container: HTMLElement, onError: (error: unknown) => void): void {
  replace(container, h("p", { attrs: { class: "status" } }, "Loading…"));
  api<{ hosts: Host[]; now: number }>("GET", "/api/hosts")
    .then(({ hosts, now }) => {
      const when = (seconds: number | null) =>
        h(
          "span",
          { attrs: { class: "time" } },
          formatTime(seconds),
          h("br"),
          h("small", {}, formatAge(seconds, now)),
        );
      replace(
        container,
        h("h1", {}, "Hosts"),
        h("p", {}, `${hosts.length} hosts, ${hosts.filter((host) => host.silent).length} silent.`),
        table(
          "hosts",
          ["Host", "Status", "Last report", "Last heartbeat", "Agent", "Queue"],
          hosts,
          (host) => [
            link(`/alerts?host=${encodeURIComponent(host.host)}`, host.host),
            host.silent
              ? h("span", { attrs: { class: "badge sev-medium" } }, "silent")
              : host.last_heartbeat_at === null
                ? "no heartbeats"
                : "reporting",
            when(host.last_report_at),
            when(host.last_heartbeat_at),
            host.agent_version ?? "—",
            host.queue_depth ?? "—",
          ],
          (host): Record<string, string> => (host.silent ? { class: "silent" } : {}),
        ),
      );
    })
    .catch(onError);
}
