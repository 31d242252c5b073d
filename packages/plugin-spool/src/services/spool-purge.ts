import { UserFacingError } from "@spoor/config";
import { type ConfigLocation, openSpool } from "../open-spool.js";
import type { PurgeableQueue } from "../queue-name.js";

/** Options of `spoor spool purge`. */
export interface SpoolPurgeOptions extends ConfigLocation {
  queue: PurgeableQueue;
  /** The user confirmed (`--yes`); nothing is deleted without it. */
  confirmed: boolean;
}

/**
 * Deletes every file of transmitted/, failed/ or quarantine/ (never parsed/: those entries
 * are not sent yet); returns how many entries were removed.
 * @throws UserFacingError without `confirmed`; the configuration's and the spool's errors.
 */
export async function spoolPurge(options: SpoolPurgeOptions): Promise<number> {
  const { spool } = await openSpool(options);
  if (!options.confirmed) {
    throw new UserFacingError(
      `Purging deletes every file in the ${options.queue} directory for good.`,
      `spoor spool purge --queue ${options.queue} --yes`,
    );
  }
  return spool.purge(options.queue);
}
