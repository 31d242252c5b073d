import type { LogType, SpoorConfig } from "@spoor/config";
import { type ActivityIntervals, startActivityReporter } from "./activity-reporter.js";
import { createAgentActivity } from "./agent-activity.js";
import { createServices } from "./create-services.js";
import { runFollowerPipeline } from "./follower-pipeline.js";
import type { Logger } from "./logger.js";
import { runTransmitter } from "./transmitter.js";

/** Options of {@link runAgent}. */
export interface AgentOptions {
  config: SpoorConfig;
  logger: Logger;
  signal: AbortSignal;
  /** The activity line, warnings and status file's intervals (defaults: one minute, 5 s, …). */
  activity?: ActivityIntervals;
}

/**
 * `spoor agent`: every configured follower pipeline and the transmitter in one process,
 * sharing one spool and one API client. Resolves once all have stopped after `signal`
 * aborts (checkpoints written). If any part fails, the others are stopped and the error is
 * rethrown (systemd restarts the unit). Throws what {@link createServices} throws.
 */
export async function runAgent(options: AgentOptions): Promise<void> {
  const { config, logger } = options;
  const services = createServices(config);
  const stop = new AbortController();
  const forward = (): void => stop.abort();
  options.signal.addEventListener("abort", forward, { once: true });
  if (options.signal.aborted) stop.abort();
  const types = Object.keys(config.followers) as LogType[];
  logger.info("agent starting", { followers: types, reporter: services.reporter });
  const activity = createAgentActivity();
  const reporter = startActivityReporter({
    ...options.activity,
    activity,
    logger,
    spool: services.spool,
    stateDirectory: config.application.state_path,
  });
  const guard = async (part: Promise<unknown>): Promise<void> => {
    try {
      await part;
    } catch (error) {
      stop.abort();
      throw error;
    }
  };
  try {
    const parts = [
      ...types.map((type) =>
        guard(
          runFollowerPipeline({
            type,
            config,
            spool: services.spool,
            logger,
            signal: stop.signal,
            activity,
          }),
        ),
      ),
      guard(
        runTransmitter({
          config,
          spool: services.spool,
          client: services.client,
          logger,
          signal: stop.signal,
          reporter: services.reporter,
          activity,
        }),
      ),
    ];
    const results = await Promise.allSettled(parts);
    const failure = results.find((result) => result.status === "rejected");
    if (failure !== undefined) throw failure.reason;
  } finally {
    options.signal.removeEventListener("abort", forward);
    await reporter.stop();
    services.close();
  }
  logger.info("agent stopped");
}
