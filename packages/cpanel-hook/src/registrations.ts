import type { HookEventSpec } from "./hook-events.js";

/** One entry of the `--describe` output, as `manage_hooks add script` reads it (cpanel.md §3.3). */
export interface HookRegistration {
  category: "Cpanel";
  event: string;
  stage: "post";
  hook: string;
  exectype: "script";
  /** 1: cPanel runs the script as root through its hooks2 admin binary (README "Route"). */
  escalateprivs: 1;
  description: string;
}

/** The registrations for `events`, each running `hookCommand` after the call. Never throws. */
export function buildRegistrations(
  events: readonly HookEventSpec[],
  hookCommand: string,
): HookRegistration[] {
  return events.map((spec) => ({
    category: "Cpanel",
    event: spec.cpanelEvent,
    stage: "post",
    hook: hookCommand,
    exectype: "script",
    escalateprivs: 1,
    description: spec.description,
  }));
}
