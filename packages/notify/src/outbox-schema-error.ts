/** The database holds an outbox schema newer than this code understands. */
export class OutboxSchemaError extends Error {
  override readonly name = "OutboxSchemaError";

  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `the notification outbox in this database is schema version ${found}; this spoor understands up to ${supported} (upgrade spoor)`,
    );
  }
}
