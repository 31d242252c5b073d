import { type ConfigLocation, openSpool } from "../open-spool.js";
import type { QueueName } from "../queue-name.js";

/** One file of a spool directory, as `spoor spool list` shows it. */
export interface SpoolListing {
  name: string;
  /** From the name; absent for an oddly named quarantined file. */
  type?: string;
  /** From the name: the entry's log time (or when it was spooled). */
  unixSeconds?: number;
  /** Bytes (not known for parsed/ without a stat per file). */
  size?: number;
  /** Why it failed or was quarantined. */
  reason?: string;
}

/** Options of `spoor spool list`. */
export interface SpoolListOptions extends ConfigLocation {
  queue: QueueName;
}

/**
 * The files of one spool directory: parsed/ oldest first (the order they are sent in),
 * transmitted/ and failed/ oldest first, quarantine/ by name.
 * @throws the user-facing errors of the configuration and the spool's permission checks.
 */
export async function spoolList(options: SpoolListOptions): Promise<SpoolListing[]> {
  const { spool } = await openSpool(options);
  switch (options.queue) {
    case "parsed":
      return (await spool.list()).map(listing);
    case "transmitted":
      return (await spool.listTransmitted()).map(listing);
    case "failed":
      return (await spool.listFailed()).map(listing);
    case "quarantine":
      return (await spool.listQuarantined()).map(listing);
  }
}

function listing(file: SpoolListing & { path?: string }): SpoolListing {
  const { name, type, unixSeconds, size, reason } = file;
  return {
    name,
    ...(type === undefined ? {} : { type }),
    ...(unixSeconds === undefined ? {} : { unixSeconds }),
    ...(size === undefined ? {} : { size }),
    ...(reason === undefined ? {} : { reason }),
  };
}
