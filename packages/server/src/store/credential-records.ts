import type { Role } from "../auth/principal.js";

/** A credential as `credentials list` shows it (never the secret or its hash). */
export interface CredentialInfo {
  name: string;
  role: Role;
  hosts: string;
  created_at: number;
  revoked_at: number | null;
}

/** A stored credential, with its hash, for authentication. */
export interface StoredCredential extends CredentialInfo {
  id: number;
  secret_hash: string;
}

/** The `credentials` table as drivers offer it (no validation: `createCredentialStore` does it). */
export interface CredentialRecords {
  insert(credential: Omit<StoredCredential, "id" | "revoked_at">): Promise<void>;
  find(name: string): Promise<StoredCredential | undefined>;
  list(): Promise<CredentialInfo[]>;
  /** @returns false when no active credential has that name. */
  revoke(name: string, now: number): Promise<boolean>;
}
