import type { SpooledFile } from "@spoor/spool";
import type { DeliveryContext } from "./delivery-context.js";

/** What happened to one spooled file. */
export type Delivery =
  | "transmitted"
  | "failed"
  | "quarantined"
  | "gone"
  | "stuck"
  | "retry"
  | "aborted";

/** Runs a move; `false` when the file vanished meanwhile (another process moved it).
 *  Rethrows any other error. */
export async function settle(move: () => Promise<void>): Promise<boolean> {
  try {
    await move();
    return true;
  } catch (error) {
    if (isGone(error)) return false;
    throw error;
  }
}

/** Moves a file the transmitter cannot use into quarantine/ with `reason`, logging it; a file
 *  that cannot even be moved there is `"stuck"` (logged; skipped from then on). */
export async function quarantineFile(
  file: SpooledFile,
  reason: string,
  { spool, logger }: Pick<DeliveryContext, "spool" | "logger">,
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

/** Moves a file into failed/ with `reason` beside it. */
export async function failFile(
  file: SpooledFile,
  reason: string,
  { spool }: Pick<DeliveryContext, "spool">,
): Promise<Delivery> {
  return (await settle(() => spool.markFailed(file, reason))) ? "failed" : "gone";
}

/** Whether `error` says the file is gone (code ENOENT). */
export function isGone(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ENOENT";
}

/** A short, content-free description of an error: its code, else its name. */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "error";
}
