import { cleanText } from "./clean-text.js";
import { durationText } from "./duration-text.js";
import type { ResolvedRules } from "./rules-defaults.js";
import type { Severity } from "./severity.js";

/** What the agent-silent decision looks at. */
export interface AgentSilentInput {
  host: string;
  /** Unix seconds of the host's last heartbeat; null when it never sent one. */
  lastHeartbeat: number | null;
  /** Unix seconds now (the caller reads the clock; this function does not). */
  now: number;
}

/** The agent-silent decision. */
export type AgentSilentDecision =
  | { silent: false }
  | { silent: true; severity: Severity; silentSeconds: number; summary: string };

/**
 * `agent-silent`: a host that sent heartbeats is silent once `silent_minutes` have passed
 * since its last one. A host that never sent one, a disabled rule, or a heartbeat time in the
 * future is not silent. Never throws.
 *
 * @example decideAgentSilent({ host: "web1", lastHeartbeat: 1000, now: 1720 }, rules)
 * // → { silent: true, severity: "medium", silentSeconds: 720,
 * //     summary: "web1: no heartbeat from the spoor agent for 12 min; check that spoor's agent is running there" }
 */
export function decideAgentSilent(
  input: AgentSilentInput,
  rules: ResolvedRules,
): AgentSilentDecision {
  const settings = rules["agent-silent"];
  if (!settings.enabled || input.lastHeartbeat === null) return { silent: false };
  const silentSeconds = input.now - input.lastHeartbeat;
  if (!(silentSeconds >= settings.silent_minutes * 60)) return { silent: false };
  return {
    silent: true,
    severity: settings.severity,
    silentSeconds,
    summary: `${cleanText(input.host, 80)}: no heartbeat from the spoor agent for ${durationText(silentSeconds)}; check that spoor's agent is running there`,
  };
}
