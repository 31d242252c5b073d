import type { SpoorConfig } from "@spoor/config";
import { type AgentOptions, runAgent } from "../../src/run-agent.js";
import { type CapturedLogger, captureLogger } from "./capture-logger.js";

/** An agent a test started: its captured log, and how to stop it. */
export interface StartedAgent {
  captured: CapturedLogger;
  /** Aborts the agent and resolves once `runAgent` has returned (rejects as it rejected). */
  stop(): Promise<void>;
}

/** Runs the agent on `config` with an info-level captured logger, until `stop()`. */
export function startAgent(config: SpoorConfig, activity?: AgentOptions["activity"]): StartedAgent {
  const captured = captureLogger("info");
  const controller = new AbortController();
  const done = runAgent({ config, logger: captured.logger, signal: controller.signal, activity });
  return {
    captured,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
