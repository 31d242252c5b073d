export type { HookEventName } from "./entry.js";
export {
  DEFAULT_HOOK_EVENTS,
  EVENT_CATALOGUE,
  type EventName,
  type EventSpec,
  findEvent,
  HOOK_EVENTS,
  ORIGINAL_EVENTS,
} from "./event-catalogue.js";
