import type { NewMailboxEvent } from "../mailbox-event.js";
import type { RuleId } from "../rule-ids.js";
import type { Severity } from "../severity.js";

/** A scenario event: a mailbox event before storing, with a label to name it in expectations. */
export interface ScenarioEvent extends NewMailboxEvent {
  label: string;
}

/** An alert a scenario expects. `evidence` (labels) is checked when given. */
export interface ExpectedAlert {
  rule: RuleId;
  severity: Severity;
  mailboxes: string[];
  evidence?: string[];
}

/** A history of events and the alerts it must end with, whatever the arrival order. */
export interface Scenario {
  name: string;
  kind: "benign" | "takeover";
  events: ScenarioEvent[];
  expected: ExpectedAlert[];
}
