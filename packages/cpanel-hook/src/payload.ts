import { isRecord, type JsonRecord, optionalText, own, requiredText } from "./json-fields.js";
import { PayloadRejectedError } from "./payload-rejected-error.js";

/** Largest payload the hook reads (1 MiB): beyond it, nothing is recorded. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

/** The parts of a hook's STDIN document the hook uses (cpanel.md §3.4). */
export interface HookPayload {
  /** `context.event`, e.g. `UAPI::Email::add_forwarder`. */
  event: string;
  /** `context.stage` (`pre`/`post`), when given. */
  stage: string | undefined;
  /** `context.point` (`main`, or `check`/`rollback` for those sub-hooks), when given. */
  point: string | undefined;
  /** `data`: `args`, `result` (UAPI) or `output` (API2), `user`. */
  data: JsonRecord;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes the bytes cPanel wrote to STDIN: strict UTF-8, one JSON object whose `context` is an
 * object naming the event and whose `data` is an object. Nothing else is looked at here; the
 * rest of the document is never walked, copied or re-serialised.
 * @throws PayloadRejectedError ("empty", "too-large", "not-utf8", "bad-json", "bad-shape",
 * "bad-field").
 */
export function decodePayload(bytes: Uint8Array): HookPayload {
  if (bytes.length > MAX_PAYLOAD_BYTES) throw new PayloadRejectedError("too-large");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new PayloadRejectedError("not-utf8");
  }
  if (text.trim() === "") throw new PayloadRejectedError("empty");
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new PayloadRejectedError("bad-json");
  }
  if (!isRecord(document)) throw new PayloadRejectedError("bad-shape", "(document)");
  const context = own(document, "context");
  if (!isRecord(context)) throw new PayloadRejectedError("bad-shape", "context");
  const data = own(document, "data");
  if (!isRecord(data)) throw new PayloadRejectedError("bad-shape", "data");
  return {
    event: requiredText(context, "event", "context.event"),
    stage: optionalText(context, "stage", "context.stage"),
    point: optionalText(context, "point", "context.point"),
    data,
  };
}
