import type { NewMailboxEvent } from "../src/index.js";
import type { ScenarioEvent } from "../src/memory.js";

/** The scenario event without its label: what an engine ingests. */
export function unlabel({ label: _label, ...event }: ScenarioEvent): NewMailboxEvent {
  return event;
}
