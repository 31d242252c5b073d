import type { ForwardAddedRecipientEntry } from "./entry.js";
import { isRecord, type JsonRecord, own, recordOrEmpty } from "./hook-data.js";

/** `value` when a string, else null (the original passed strings through; absent → null). */
function stringOrNull(record: JsonRecord, key: string): string | null {
  const value = own(record, key);
  return typeof value === "string" ? value : null;
}

/**
 * The first element of `result` (UAPI) or, when there is no result, `output` (API2): an
 * object, `{}` when absent, undefined when the types are wrong (where the original died).
 */
function firstResult(data: JsonRecord): JsonRecord | undefined {
  let list = own(data, "result");
  if (list === undefined || list === null) list = own(data, "output");
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) return undefined;
  const first: unknown = list[0];
  if (first === undefined || first === null) return {};
  return isRecord(first) ? first : undefined;
}

/**
 * The original's `forward_added_partial_recipient` from the hook data of an added forwarder
 * (original.md §3.2): `context` is `mailbox` when `args.domain` is empty or missing, else
 * `domain`; `forward_type` is `system_user` for fwdopt `system`, `pipe` for `pipe`, else
 * `email`; `forward_to`/`email` are `forward`/`email` of the first result (null when missing
 * or not a string). Undefined when `args`, `result` or its first element has the wrong type.
 * Never throws.
 */
export function forwardAddedEntry(
  data: JsonRecord,
  logTime: number,
): ForwardAddedRecipientEntry | undefined {
  const args = recordOrEmpty(data, "args");
  const result = firstResult(data);
  if (args === undefined || result === undefined) return undefined;
  const domain = own(args, "domain");
  const fwdopt = own(args, "fwdopt");
  return {
    type: "error",
    event: "forward_added_partial_recipient",
    log_time: logTime,
    status: "success",
    context: domain === undefined || domain === null || domain === "" ? "mailbox" : "domain",
    forward_type: fwdopt === "system" ? "system_user" : fwdopt === "pipe" ? "pipe" : "email",
    forward_to: stringOrNull(result, "forward"),
    email: stringOrNull(result, "email"),
  };
}
