/** The spool's directories, by the names the commands use. */
export const QUEUES = ["parsed", "transmitted", "failed", "quarantine"] as const;

/** One of {@link QUEUES}. */
export type QueueName = (typeof QUEUES)[number];

/** The queues `spoor spool purge` may empty (never parsed/: those are not sent yet). */
export const PURGEABLE_QUEUES = ["transmitted", "failed", "quarantine"] as const;

/** One of {@link PURGEABLE_QUEUES}. */
export type PurgeableQueue = (typeof PURGEABLE_QUEUES)[number];
