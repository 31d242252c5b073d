import { lstat } from "node:fs/promises";
import type { SpooledFile } from "@spoor/spool";
import { type ConfigLocation, openSpool } from "../open-spool.js";
import type { QueueName } from "../queue-name.js";

/** One file of a spool directory, as `spoor spool list` shows it. */
export interface SpoolListing {
  name: string;
  /** From the name; absent for an oddly named quarantined file. */
  type?: string;
  /** From the name: the entry's log time (or when it was spooled). */
  unixSeconds?: number;
  /** Bytes (absent for a queued file the transmitter moved away while it was listed). */
  size?: number;
  /** Why it failed or was quarantined. */
  reason?: string;
}

/** Options of `spoor spool list`. */
export interface SpoolListOptions extends ConfigLocation {
  queue: QueueName;
}

/**
 * The files of one spool directory: parsed/ oldest first (the order they are sent in, each
 * with its size from an lstat), transmitted/ and failed/ oldest first, quarantine/ by name.
 * @throws the user-facing errors of the configuration and the spool's permission checks.
 */
export async function spoolList(options: SpoolListOptions): Promise<SpoolListing[]> {
  const { spool } = await openSpool(options);
  switch (options.queue) {
    case "parsed":
      return (await withSizes(await spool.list())).map(listing);
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

/** Lstats at once per batch: a queue of 100,000 files costs 100,000 lstats, 64 in flight. */
const STAT_BATCH = 64;

async function withSizes(files: SpooledFile[]): Promise<SpooledFile[]> {
  const sized: SpooledFile[] = [];
  for (let start = 0; start < files.length; start += STAT_BATCH) {
    const batch = files.slice(start, start + STAT_BATCH);
    const stats = await Promise.all(batch.map((file) => lstat(file.path).catch(() => undefined)));
    batch.forEach((file, index) => {
      const size = stats[index]?.size;
      sized.push(size === undefined ? file : { ...file, size });
    });
  }
  return sized;
}
