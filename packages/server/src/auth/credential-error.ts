/** A credential cannot be created as asked (bad name, role or glob; name taken). */
export class CredentialError extends Error {
  override readonly name = "CredentialError";
}
