import { UserFacingError } from "@spoor/errors";

/**
 * The database was written by a newer spoor server (its schema version is above the
 * newest migration this code knows): running against it could corrupt what it keeps.
 */
export class ServerSchemaError extends UserFacingError {
  override readonly name = "ServerSchemaError";
  readonly found: number;
  readonly known: number;

  constructor(found: number, known: number) {
    super(
      `the database has schema version ${found}, newer than this spoor server knows (${known})`,
      "upgrade spoor on this machine to the version that wrote the database, or point --db elsewhere",
    );
    this.found = found;
    this.known = known;
  }
}
