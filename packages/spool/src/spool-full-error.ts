/** write() refused: parsed/ already holds the configured maximum of queued entries. */
export class SpoolFullError extends Error {
  readonly queued: number;
  readonly maxQueuedEntries: number;

  constructor(queued: number, maxQueuedEntries: number) {
    super(
      `spool full: ${queued} entries queued, the cap is ${maxQueuedEntries} (application.spool_max_entries); retry once the transmitter has caught up`,
    );
    this.name = "SpoolFullError";
    this.queued = queued;
    this.maxQueuedEntries = maxQueuedEntries;
  }
}
