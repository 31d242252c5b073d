import type { Readable } from "node:stream";
import { hookEntryId } from "./hook-entry-id.js";
import { findHookEvent } from "./hook-events.js";
import { buildHookRecord } from "./hook-record.js";
import { decodePayload, MAX_PAYLOAD_BYTES } from "./payload.js";
import { PayloadRejectedError } from "./payload-rejected-error.js";
import { readBounded } from "./read-bounded.js";
import { DIAGNOSTIC_PREFIX, type RecordOutcome, recordHookEvent } from "./record-hook-event.js";

/** cPanel writes the payload at once; an input still open after this is abandoned. */
export const STDIN_TIMEOUT_MS = 5000;

/** What handling one payload needs from its surroundings. */
export interface PayloadContext {
  /** `--config PATH`, if given. */
  configPath: string | undefined;
  stdin: Readable;
  writeStderr: (text: string) => void;
  now: () => number;
  randomBytes: (size: number) => Uint8Array;
}

/** How handling a payload ended. */
export type PayloadOutcome =
  | RecordOutcome
  | { route: "skipped"; reason: "call-failed" | "not-post-stage" }
  | { route: "rejected"; reason: string };

/**
 * Reads the STDIN document (at most 1 MiB, within {@link STDIN_TIMEOUT_MS}), turns it into an
 * entry and records it (see recordHookEvent), or records nothing: for a failed call or a
 * pre-stage run (silently), and for a rejected payload (one diagnostic line naming the
 * reason, never payload content).
 * @throws Error only for a bug (see recordHookEvent).
 */
export async function handlePayload(context: PayloadContext): Promise<PayloadOutcome> {
  const input = await readBounded(context.stdin, {
    maxBytes: MAX_PAYLOAD_BYTES,
    timeoutMs: STDIN_TIMEOUT_MS,
  });
  try {
    if (input.kind === "too-large") throw new PayloadRejectedError("too-large");
    if (input.kind !== "complete")
      throw new PayloadRejectedError("unreadable", `stdin ${input.kind}`);
    const payload = decodePayload(input.bytes);
    const spec = findHookEvent(payload.event);
    if (spec === undefined) throw new PayloadRejectedError("unsupported-event");
    const built = buildHookRecord(spec, payload);
    if ("skip" in built) return { route: "skipped", reason: built.skip };
    return await recordHookEvent(built.record, {
      configPath: context.configPath,
      nowMs: context.now(),
      id: hookEntryId(payload.event, input.bytes, context.randomBytes(16)),
      writeStderr: context.writeStderr,
    });
  } catch (error) {
    if (!(error instanceof PayloadRejectedError)) throw error;
    context.writeStderr(`${DIAGNOSTIC_PREFIX}${error.message}\n`);
    return { route: "rejected", reason: error.reason };
  }
}
