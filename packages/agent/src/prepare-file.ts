import { type FormattedEntry, formatEntry } from "@spoor/api-client";
import { type SpoolEntry, type SpooledFile, SpoolFileRejectedError } from "@spoor/spool";
import type { DeliveryContext } from "./delivery-context.js";
import { codeOf, type Delivery, failFile, isGone, quarantineFile } from "./spool-moves.js";
import { disabledEventReason, isTransmissionEnabled } from "./transmission-events.js";

/** An entry ready to send. */
export interface PreparedEntry {
  entry: SpoolEntry;
  formatted: FormattedEntry;
}

/**
 * Reads a spooled file and formats its entry for the API, or settles it locally: a file the
 * spool refuses to read → quarantine/ (with the spool's reason: symlink, foreign-owner,
 * bad-json, too-large…); an event kind that is not enabled, or has no wire format →
 * failed/ with the reason; a file gone meanwhile → `"gone"`. Rethrows unexpected move errors.
 */
export async function prepareFile(
  file: SpooledFile,
  context: DeliveryContext,
): Promise<PreparedEntry | Delivery> {
  const { spool, logger } = context;
  let entry: SpoolEntry;
  try {
    entry = await spool.read(file);
  } catch (error) {
    if (isGone(error)) return "gone";
    const reason =
      error instanceof SpoolFileRejectedError ? error.reason : `unreadable (${codeOf(error)})`;
    return quarantineFile(file, reason, context);
  }
  if (!isTransmissionEnabled(entry.event, context.events)) {
    logger.warn("entry kind not enabled, moved to failed", { file: file.name, event: entry.event });
    return failFile(file, disabledEventReason(entry.event), context);
  }
  const formatted = formatEntry(entry, context.reporter);
  if (formatted === undefined) {
    logger.warn("entry has no wire format, moved to failed", {
      file: file.name,
      event: entry.event,
    });
    return failFile(file, `event kind "${entry.event}" has no wire format`, context);
  }
  return { entry, formatted };
}
