import { ApiError } from "@spoor/api-client";
import type { SpooledFile } from "@spoor/spool";
import type { DeliveryContext } from "./delivery-context.js";
import { type PreparedEntry, prepareFile } from "./prepare-file.js";
import { redact } from "./redact.js";
import { codeOf, type Delivery, failFile, quarantineFile, settle } from "./spool-moves.js";

const EXCERPT_CHARS = 200;

type Answer =
  | { kind: "accepted" }
  | { kind: "refused"; error: ApiError }
  | { kind: "unsendable"; error: unknown }
  | { kind: "retry" }
  | { kind: "aborted" };

/**
 * Reads, checks, sends and moves one spooled file (contract §5): 202 → transmitted/;
 * 400/401/403/404/422 → failed/ with the status and a short body excerpt beside it; any
 * other outcome leaves it queued (`"retry"`) and pauses the gate. Local refusals are
 * settled by {@link prepareFile}; an entry the client cannot even put on the wire goes to
 * quarantine/. The file is moved only after the API's answer, so a crash mid-send loses
 * nothing. Rethrows unexpected spool errors (e.g. transmitted/ became unwritable).
 */
export async function deliverFile(file: SpooledFile, context: DeliveryContext): Promise<Delivery> {
  const prepared = await prepareFile(file, context);
  if (typeof prepared === "string") return prepared;
  const answer = await send(prepared, context);
  switch (answer.kind) {
    case "accepted":
      return (await settle(() => context.spool.markTransmitted(file))) ? "transmitted" : "gone";
    case "refused": {
      const reason = refusalReason(answer.error);
      context.logger.warn("entry refused by the API, moved to failed", { file: file.name, reason });
      return failFile(file, reason, context);
    }
    case "unsendable":
      return quarantineFile(file, `unsendable (${codeOf(answer.error)})`, context);
    default:
      return answer.kind;
  }
}

/** One request, within the concurrency bound and the gate. */
async function send(prepared: PreparedEntry, context: DeliveryContext): Promise<Answer> {
  const { gate, signal } = context;
  if (!(await context.requests.acquire(signal))) return { kind: "aborted" };
  try {
    const ticket = await gate.acquire(signal);
    if (ticket === undefined) return { kind: "aborted" };
    try {
      await context.client.sendReport(prepared.formatted, {
        idempotencyKey: prepared.entry.id,
        reporter: context.reporter,
        signal,
      });
    } catch (error) {
      if (signal.aborted || !(error instanceof ApiError)) {
        // Not an answer from the API (e.g. an id that cannot be a header value).
        gate.release(ticket);
        return signal.aborted ? { kind: "aborted" } : { kind: "unsendable", error };
      }
      if (!error.isRetryable) {
        gate.succeeded(ticket); // the API answered: it is up
        return { kind: "refused", error };
      }
      gate.failed(ticket, failureOf(error));
      return { kind: "retry" };
    }
    gate.succeeded(ticket);
    return { kind: "accepted" };
  } finally {
    context.requests.release();
  }
}

function refusalReason(error: ApiError): string {
  const text = (error.bodyExcerpt ?? "").replace(/\s+/g, " ").trim();
  const excerpt = String(redact(text)).slice(0, EXCERPT_CHARS);
  const status = error.status === undefined ? error.kind : `HTTP ${error.status}`;
  return excerpt === "" ? status : `${status}: ${excerpt}`;
}

function failureOf(error: ApiError): { reason: string; status?: number; retryAfterMs?: number } {
  const failure: { reason: string; status?: number; retryAfterMs?: number } = {
    reason: error.status === undefined ? (error.code ?? error.kind) : `HTTP ${error.status}`,
  };
  if (error.status !== undefined) failure.status = error.status;
  if (error.retryAfterMs !== undefined) failure.retryAfterMs = error.retryAfterMs;
  return failure;
}
