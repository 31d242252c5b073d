import type { ApiClient } from "@spoor/api-client";
import type { SpoolStore } from "@spoor/spool";
import type { ApiGate } from "./api-gate.js";
import type { Logger } from "./logger.js";
import type { Semaphore } from "./semaphore.js";

/** What delivering one spooled file needs. */
export interface DeliveryContext {
  spool: SpoolStore;
  client: ApiClient;
  gate: ApiGate;
  /** Bounds the requests in flight (`transmission.concurrency`); reads and moves are not. */
  requests: Semaphore;
  logger: Logger;
  signal: AbortSignal;
  reporter: string;
  /** Opt-in event kinds (`transmission.events`). */
  events: readonly string[];
}
