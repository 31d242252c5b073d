import { api } from "../api.js";
import { type Child, h, link, replace } from "../dom.js";
import { formatTime, SEVERITIES, STATES, stateLabel } from "../format.js";
import { alertsPath, type QueueFilters, routeHash } from "../route.js";
import type { Alert } from "../types.js";
import { severityBadge, stateBadge } from "./badges.js";

const PAGE = 100;

/** The queue's options (the poll interval is shorter in tests). */
export interface QueueOptions {
  pollMs: number;
  onError(error: unknown): void;
}

function select(name: string, label: string, values: readonly string[], current?: string) {
  const options: HTMLOptionElement[] = [];
  for (const value of ["any", ...values]) {
    const option = h("option", { attrs: { value } }, stateLabel(value));
    if (value === current) option.selected = true;
    options.push(option);
  }
  return [
    h("label", { attrs: { for: `filter-${name}` } }, label),
    h("select", { attrs: { id: `filter-${name}`, name } }, options),
  ];
}

function input(name: string, label: string, current?: string) {
  const field = h("input", { attrs: { id: `filter-${name}`, name, type: "search" } });
  field.value = current ?? "";
  return [h("label", { attrs: { for: `filter-${name}` } }, label), field];
}

function filterForm(filters: QueueFilters): HTMLFormElement {
  const form = h(
    "form",
    {
      attrs: { class: "filters", role: "search" },
      on: {
        submit: (event) => {
          event.preventDefault();
          const data = new FormData(form);
          const next: QueueFilters = {};
          for (const name of ["min_severity", "state", "host", "mailbox"] as const) {
            const value = String(data.get(name) ?? "").trim();
            if (value && (value !== "any" || name === "min_severity")) next[name] = value;
          }
          location.hash = routeHash({ view: "alerts", filters: next });
        },
      },
    },
    select("min_severity", "Severity at least", SEVERITIES, filters.min_severity),
    select("state", "State", STATES, filters.state),
    input("host", "Host", filters.host),
    input("mailbox", "Mailbox", filters.mailbox),
    h("button", { attrs: { type: "submit" } }, "Filter"),
  );
  return form;
}

function list(values: string[], route?: (value: string) => string): Child[] {
  return values.map((value, index) => [
    index > 0 ? ", " : null,
    route ? link(route(value), value) : value,
  ]);
}

function row(alert: Alert): HTMLTableRowElement {
  return h(
    "tr",
    { attrs: { "data-alert-id": String(alert.id), class: `row-${alert.state}` } },
    h("td", {}, severityBadge(alert.severity)),
    h("td", { attrs: { class: "rule" } }, link(`/alerts/${alert.id}`, alert.rule)),
    h(
      "td",
      {},
      list(alert.mailbox_addresses, (m) => `/mailboxes/${encodeURIComponent(m)}`),
    ),
    h("td", {}, list(alert.hosts)),
    h("td", {}, stateBadge(alert.state)),
    h("td", { attrs: { class: "time" } }, formatTime(alert.first_event_time)),
    h("td", { attrs: { class: "time" } }, formatTime(alert.last_event_time)),
    h("td", { attrs: { class: "summary" } }, alert.summary),
  );
}

/**
 * The alert queue: filters, newest first, one page of 100 at a time ("Older alerts"), the
 * first page polled every `pollMs` and redrawn when it changed. @returns a stop function.
 */
export function alertQueueView(
  container: HTMLElement,
  filters: QueueFilters,
  options: QueueOptions,
): () => void {
  const body = h("tbody");
  const status = h("p", { attrs: { class: "status", "aria-live": "polite" } }, "Loading…");
  const older = h(
    "button",
    { attrs: { type: "button", class: "older", hidden: "" } },
    "Older alerts",
  );
  let first: Alert[] = [];
  let rest: Alert[] = [];
  let firstText = "";
  let stopped = false;
  const draw = () => {
    const seen = new Set<number>();
    const rows = [...first, ...rest].filter((a) => !seen.has(a.id) && seen.add(a.id));
    replace(
      body,
      rows.length
        ? rows.map(row)
        : h("tr", {}, h("td", { attrs: { colspan: "8" } }, "No alerts match.")),
    );
    const last = rest.length ? rest : first;
    older.hidden = last.length < PAGE;
    replace(
      status,
      `${rows.length} alerts shown · updated ${formatTime(Math.floor(Date.now() / 1000))} · live`,
    );
  };
  const refresh = async () => {
    const page = await api<{ alerts: Alert[] }>("GET", alertsPath(filters, PAGE));
    if (stopped) return;
    const text = JSON.stringify(page.alerts);
    if (text !== firstText || first.length === 0) {
      firstText = text;
      first = page.alerts;
    }
    draw();
  };
  older.addEventListener("click", () => {
    const shown = rest.length ? rest : first;
    const beforeId = shown[shown.length - 1]?.id;
    api<{ alerts: Alert[] }>("GET", alertsPath(filters, PAGE, beforeId))
      .then((page) => {
        rest = [...rest, ...page.alerts];
        draw();
      })
      .catch(options.onError);
  });
  replace(
    container,
    h("h1", {}, "Alerts"),
    filterForm(filters),
    status,
    h(
      "table",
      { attrs: { class: "alerts" } },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          [
            "Severity",
            "Rule",
            "Mailboxes",
            "Hosts",
            "State",
            "First event",
            "Last event",
            "Summary",
          ].map((title) => h("th", { attrs: { scope: "col" } }, title)),
        ),
      ),
      body,
    ),
    older,
  );
  refresh().catch(options.onError);
  const timer = setInterval(() => refresh().catch(options.onError), options.pollMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
