import { UserFacingError } from "@spoor/errors";

/** A credential cannot be created as asked (bad name, role or glob; name taken). */
export class CredentialError extends UserFacingError {
  override readonly name = "CredentialError";
}
