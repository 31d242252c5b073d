import { type ApiClient, ApiError, type FormattedEntry, formatEntry } from "@spoor/api-client";
import {
  type SpoolEntry,
  type SpooledFile,
  SpoolFileRejectedError,
  type SpoolStore,
} from "@spoor/spool";
import type { ApiGate } from "./api-gate.js";
import type { Logger } from "./logger.js";
import { redact } from "./redact.js";
import { disabledEventReason, isTransmissionEnabled } from "./transmission-events.js";

/** What happened to one spooled file. */
export type Delivery =
  | "transmitted"
  | "failed"
  | "quarantined"
  | "gone"
  | "stuck"
  | "retry"
  | "aborted";

/** What {@link deliverFile} needs. */
export interface DeliveryContext {
  spool: SpoolStore;
  client: ApiClient;
  gate: ApiGate;
  logger: Logger;
  signal: AbortSignal;
  reporter: string;
  /** Opt-in event kinds (`transmission.events`). */
  events: readonly string[];
}

const EXCERPT_CHARS = 200;

/**
 * Reads, checks, sends and moves one spooled file (contract §5): 202 → transmitted/;
 * 400/401/403/404/422 → failed/ with the status and a short body excerpt beside it; any
 * other outcome leaves it queued (`"retry"`) and pauses the gate. A file the spool refuses
 * to read goes to quarantine/; a disabled event kind goes to failed/ with how to enable it.
 * The file is moved only after the API's answer, so a crash mid-send loses nothing.
 * A rejected file that cannot even be quarantined is `"stuck"` (logged; the caller skips it
 * from then on). Rethrows unexpected spool errors (e.g. transmitted/ became unwritable).
 */
export async function deliverFile(file: SpooledFile, context: DeliveryContext): Promise<Delivery> {
  const { spool, logger } = context;
  const prepared = await prepare(file, context);
  if (typeof prepared === "string") return prepared;
  const ticket = await context.gate.acquire(context.signal);
  if (ticket === undefined) return "aborted";
  try {
    await context.client.sendReport(prepared.formatted, {
      idempotencyKey: prepared.entry.id,
      reporter: context.reporter,
      signal: context.signal,
    });
  } catch (error) {
    if (context.signal.aborted) {
      context.gate.release(ticket);
      return "aborted";
    }
    if (error instanceof ApiError && !error.isRetryable) {
      context.gate.succeeded(ticket);
      const reason = refusalReason(error);
      logger.warn("entry refused by the API, moved to failed", { file: file.name, reason });
      return (await settle(() => spool.markFailed(file, reason))) ? "failed" : "gone";
    }
    if (!(error instanceof ApiError)) {
      // Not an answer from the API: this entry cannot be sent (e.g. an id that cannot be a
      // header value). Set it aside rather than retrying it forever.
      context.gate.release(ticket);
      return quarantine(file, `unsendable (${codeOf(error)})`, context);
    }
    context.gate.failed(ticket, failureOf(error));
    return "retry";
  }
  context.gate.succeeded(ticket);
  return (await settle(() => spool.markTransmitted(file))) ? "transmitted" : "gone";
}

async function prepare(
  file: SpooledFile,
  context: DeliveryContext,
): Promise<{ entry: SpoolEntry; formatted: FormattedEntry } | Delivery> {
  const { spool, logger } = context;
  let entry: SpoolEntry;
  try {
    entry = await spool.read(file);
  } catch (error) {
    if (isGone(error)) return "gone";
    const reason =
      error instanceof SpoolFileRejectedError ? error.reason : `unreadable (${codeOf(error)})`;
    return quarantine(file, reason, context);
  }
  if (!isTransmissionEnabled(entry.event, context.events)) {
    const reason = disabledEventReason(entry.event);
    logger.warn("entry kind not enabled, moved to failed", { file: file.name, event: entry.event });
    return (await settle(() => spool.markFailed(file, reason))) ? "failed" : "gone";
  }
  const formatted = formatEntry(entry, context.reporter);
  if (formatted === undefined) {
    const reason = `event kind "${entry.event}" has no wire format`;
    logger.warn("entry has no wire format, moved to failed", {
      file: file.name,
      event: entry.event,
    });
    return (await settle(() => spool.markFailed(file, reason))) ? "failed" : "gone";
  }
  return { entry, formatted };
}

async function quarantine(
  file: SpooledFile,
  reason: string,
  { spool, logger }: DeliveryContext,
): Promise<Delivery> {
  try {
    if (!(await settle(() => spool.quarantine(file, reason)))) return "gone";
  } catch (error) {
    logger.error("spool file rejected and cannot be quarantined, skipping it", {
      file: file.name,
      reason,
      error,
    });
    return "stuck";
  }
  logger.warn("spool file rejected, quarantined", { file: file.name, reason });
  return "quarantined";
}

/** Runs a move; `false` when the file vanished meanwhile (another process moved it). */
async function settle(move: () => Promise<void>): Promise<boolean> {
  try {
    await move();
    return true;
  } catch (error) {
    if (isGone(error)) return false;
    throw error;
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

function isGone(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ENOENT";
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "error";
}
