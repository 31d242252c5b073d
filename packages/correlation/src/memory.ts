export { MemoryAlerts } from "./memory/memory-alerts.js";
export {
  createMemoryEngine,
  type IngestResult,
  type MemoryEngine,
} from "./memory/memory-engine.js";
export { MemoryHistory } from "./memory/memory-history.js";
export { type Arrival, arrange } from "./scenarios/arrival.js";
export { type ComparableAlert, normalizeAlerts } from "./scenarios/normalize-alerts.js";
export {
  CORRELATION_SCENARIOS,
  runCorrelationScenarios,
  type ScenarioEngine,
  type ScenarioResult,
} from "./scenarios/run-scenarios.js";
export type { ExpectedAlert, Scenario, ScenarioEvent } from "./scenarios/scenario.js";
export {
  type Actor,
  DAY,
  forwarderHalves,
  HOUR,
  hookEvent,
  login,
  MINUTE,
  T0,
} from "./scenarios/scenario-events.js";
