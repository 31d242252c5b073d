import type { HookEventSpec } from "./hook-events.js";
import { isRecord, type JsonRecord, own } from "./json-fields.js";

function isFalsyStatus(value: unknown): boolean {
  return value === 0 || value === "0" || value === false;
}

/** A `{status, data}` result object (a whole Cpanel::Result) with a failure status. */
function failedResultObject(value: unknown): boolean {
  return (
    isRecord(value) && (isFalsyStatus(own(value, "status")) || isFalsyStatus(own(value, "result")))
  );
}

/**
 * Whether the hooked call failed, so that nothing may be recorded (cpanel.md §3.5).
 * UAPI post hooks only run after a successful call; a `result` of `0`/`false` or a result
 * object with a false `status` is still taken as failure. API2 post hooks run whatever
 * happened: missing `output`, a false `output` or `result`, or an output element with a false
 * `status`/`result` is failure. Never throws.
 */
export function callFailed(spec: HookEventSpec, data: JsonRecord): boolean {
  const result = own(data, "result");
  if (isFalsyStatus(result) || failedResultObject(result)) return true;
  if (spec.api === "UAPI") return false;
  const output = own(data, "output");
  if (output === undefined || output === null || isFalsyStatus(output)) return true;
  if (Array.isArray(output)) return output.some(failedResultObject);
  return failedResultObject(output);
}

/**
 * The list of result objects of a call: UAPI `result` (or the `data` list of a whole result
 * object), API2 `output`; empty when there is none. Never throws.
 */
export function resultItems(spec: HookEventSpec, data: JsonRecord): unknown[] {
  let value = own(data, spec.api === "UAPI" ? "result" : "output");
  if (isRecord(value) && Array.isArray(own(value, "data"))) value = own(value, "data");
  return Array.isArray(value) ? value : [];
}
