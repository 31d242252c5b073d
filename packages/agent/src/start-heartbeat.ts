import { type ApiClient, ApiError, type Heartbeat } from "@spoor/api-client";
import type { Logger } from "./logger.js";

/** Options of {@link startHeartbeat}. */
export interface HeartbeatOptions {
  client: Pick<ApiClient, "postHeartbeat">;
  logger: Logger;
  /** What to send; called once per beat. */
  collect: () => Promise<Heartbeat>;
  /** Default 60 000 ms (server.md §2). */
  intervalMs?: number;
}

/** A running heartbeat; `stop()` ends it and waits for the beat in flight. */
export interface RunningHeartbeat {
  stop(): Promise<void>;
}

/** The log fields of a failed beat: what happened, never the request body or a secret. */
function failureOf(error: unknown): { key: string; fields: Record<string, unknown> } {
  if (error instanceof ApiError) {
    const detail = error.status ?? error.code ?? "";
    return {
      key: `${error.kind}:${detail}`,
      fields: {
        error: error.message,
        kind: error.kind,
        ...(error.status === undefined ? {} : { status: error.status }),
      },
    };
  }
  const name = error instanceof Error ? error.name : "Error";
  return { key: `local:${name}`, fields: { error } };
}

/**
 * Sends a heartbeat at once and then every `intervalMs` (one at a time, never overlapping)
 * until stopped. Never throws and never stops the agent: a failure is logged once as a
 * warning when the state changes (from delivered to failing, or to another kind of failure,
 * e.g. HTTP 404 → connection refused), a recovery once at info, the first delivery once at
 * info; repeated identical failures stay silent.
 */
export function startHeartbeat(options: HeartbeatOptions): RunningHeartbeat {
  const { logger } = options;
  const intervalMs = options.intervalMs ?? 60_000;
  const stopping = new AbortController();
  let state: "unknown" | "ok" | string = "unknown";
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const beat = async (): Promise<void> => {
    try {
      const heartbeat = await options.collect();
      await options.client.postHeartbeat(heartbeat, { signal: stopping.signal });
      if (state !== "ok") {
        logger.info(state === "unknown" ? "heartbeat delivered" : "heartbeat delivered again", {
          intervalMs,
        });
      }
      state = "ok";
    } catch (error) {
      if (stopping.signal.aborted) return;
      const failure = failureOf(error);
      if (failure.key !== state) {
        logger.warn("heartbeat not delivered; retrying every interval", {
          ...failure.fields,
          intervalMs,
        });
      }
      state = failure.key;
    }
  };
  const schedule = (): void => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      current = beat().then(schedule);
    }, intervalMs);
    timer.unref();
  };
  current = beat().then(schedule);

  return {
    async stop() {
      stopping.abort();
      if (timer !== undefined) clearTimeout(timer);
      await current;
    },
  };
}
