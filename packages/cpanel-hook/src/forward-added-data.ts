import { resultItems } from "./call-outcome.js";
import type { HookEventSpec } from "./hook-events.js";
import { isRecord, type JsonRecord, pickText, requiredString } from "./json-fields.js";
import { PayloadRejectedError } from "./payload-rejected-error.js";

/** Result elements looked at; a forwarder call names far fewer destinations. */
const MAX_RESULT_ITEMS = 100;

/**
 * The hook data the error parser needs for an added forwarder, in the original's shape:
 * `{args: {domain, fwdopt}, result: [{forward, email}]}`. cPanel returns one result element
 * per destination; unlike the original (bug 8: only `result[0]`), every distinct destination
 * is kept, comma-joined in `forward`, so a harmless first address cannot hide a second one.
 * @throws PayloadRejectedError: no result element ("bad-field"), an element that is not an
 * object ("bad-shape"), or a `forward`/`email` that is not safe non-empty text ("bad-field").
 */
export function forwardAddedData(
  spec: HookEventSpec,
  args: JsonRecord,
  data: JsonRecord,
): JsonRecord {
  const path = spec.api === "UAPI" ? "data.result" : "data.output";
  const forwards: string[] = [];
  let email: string | undefined;
  resultItems(spec, data)
    .slice(0, MAX_RESULT_ITEMS)
    .forEach((item, index) => {
      if (!isRecord(item)) throw new PayloadRejectedError("bad-shape", `${path}[${index}]`);
      const forward = requiredString(item, "forward", `${path}[${index}].forward`);
      const address = requiredString(item, "email", `${path}[${index}].email`);
      email ??= address;
      if (!forwards.includes(forward)) forwards.push(forward);
    });
  if (email === undefined) throw new PayloadRejectedError("bad-field", path);
  return {
    args: pickText(args, ["domain", "fwdopt"], "data.args"),
    result: [{ forward: forwards.join(","), email }],
  };
}
