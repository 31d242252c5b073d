import { h } from "../dom.js";
import { SEVERITIES, STATES, stateLabel } from "../format.js";

/** A severity badge; its class comes from the fixed list, never from the data. */
export function severityBadge(severity: string): HTMLElement {
  const known = (SEVERITIES as readonly string[]).includes(severity) ? severity : "unknown";
  return h("span", { attrs: { class: `badge sev-${known}` } }, severity);
}

/** A state badge; its class comes from the fixed list, never from the data. */
export function stateBadge(state: string): HTMLElement {
  const known = (STATES as readonly string[]).includes(state) ? state : "unknown";
  return h("span", { attrs: { class: `badge state-${known}` } }, stateLabel(state));
}
