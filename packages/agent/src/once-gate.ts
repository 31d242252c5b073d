import type { ApiGate, GateFailure } from "./api-gate.js";
import type { Logger } from "./logger.js";

/**
 * The gate of a single pass (`transmit --once`, `singlePass`): never pauses and never retries. An HTTP
 * answer that asks for a retry (5xx, 429) leaves only that entry queued; a failure without
 * an answer (refused connection, timeout, DNS) means the API is unreachable, so the pass
 * ends there: every later `acquire` resolves `undefined` and the remaining entries stay
 * queued, untried, instead of each waiting for its own timeout. Logs the first such failure
 * (warn).
 */
export function createOnceGate(logger: Logger): ApiGate {
  let unreachable = false;
  return {
    acquire: async (signal) => (unreachable || signal.aborted ? undefined : { probe: false }),
    succeeded() {},
    failed(_ticket, failure: GateFailure) {
      if (failure.status !== undefined || unreachable) return;
      unreachable = true;
      logger.warn("API unreachable, ending the pass; what is left stays queued", { ...failure });
    },
    release() {},
    isDown: () => unreachable,
  };
}
