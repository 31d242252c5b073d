import { HttpProblem } from "../http/http-problem.js";
import type { Heartbeat } from "../store/heartbeat-store.js";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const count = (value: unknown) =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * Checks a heartbeat body: `{"host":…,"agent_version":…,"queue_depth":N,
 * "followers":{"login":{"lag_bytes":N},…}}`; only `host` is required. Other keys are ignored.
 *
 * @throws HttpProblem 400 naming the first problem.
 */
export function validateHeartbeat(document: unknown): Heartbeat {
  if (!isObject(document)) throw new HttpProblem(400, "the body must be a JSON object");
  const { host, agent_version, queue_depth, followers } = document;
  if (typeof host !== "string" || host === "" || host.length > 253) {
    throw new HttpProblem(400, "host must be a non-empty string of at most 253 characters");
  }
  if (agent_version !== undefined && agent_version !== null && typeof agent_version !== "string") {
    throw new HttpProblem(400, "agent_version must be a string");
  }
  if (queue_depth !== undefined && queue_depth !== null && !count(queue_depth)) {
    throw new HttpProblem(400, "queue_depth must be a whole number ≥ 0");
  }
  let lags: Record<string, { lag_bytes?: number }> | null = null;
  if (followers !== undefined && followers !== null) {
    if (!isObject(followers) || Object.keys(followers).length > 16) {
      throw new HttpProblem(400, "followers must be an object of at most 16 followers");
    }
    lags = {};
    for (const [name, value] of Object.entries(followers)) {
      if (!isObject(value) || (value.lag_bytes !== undefined && !count(value.lag_bytes))) {
        throw new HttpProblem(400, `followers.${name.slice(0, 40)} must be {"lag_bytes":N}`);
      }
      lags[name] = value.lag_bytes === undefined ? {} : { lag_bytes: value.lag_bytes as number };
    }
  }
  return {
    host,
    agent_version: typeof agent_version === "string" ? agent_version.slice(0, 100) : null,
    queue_depth: typeof queue_depth === "number" ? queue_depth : null,
    followers: lags,
  };
}
