import { randomBytes } from "node:crypto";
import type {
  CredentialInfo,
  CredentialRecords,
  StoredCredential,
} from "../store/credential-records.js";
import { CredentialError } from "./credential-error.js";
import { hashSecret } from "./hash-secret.js";
import type { Role } from "./principal.js";

export type { CredentialInfo, StoredCredential };

/** The credentials of a server database, validated. */
export interface CredentialStore {
  /** Creates a credential; the secret is returned once and stored only hashed. */
  add(
    name: string,
    role: Role,
    hosts?: string,
  ): Promise<{ api_identifier: string; api_secret: string }>;
  list(): Promise<CredentialInfo[]>;
  /** @returns false when no active credential has that name. */
  revoke(name: string): Promise<boolean>;
  find(name: string): Promise<StoredCredential | undefined>;
}

/** True when the text holds a C0 control character or DEL. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,252}$/;

/**
 * The credentials of a server database (`credentials` table).
 *
 * `add` throws CredentialError for a malformed name (letters, digits, `.`, `_`, `@`, `-`;
 * 1–253 characters), an unknown role, an empty hosts glob or a name already in use.
 */
export function createCredentialStore(
  records: CredentialRecords,
  now: () => number,
): CredentialStore {
  return {
    async add(name, role, hosts = name) {
      if (!NAME.test(name)) {
        throw new CredentialError(
          "a credential name is 1-253 letters, digits, '.', '_', '@' or '-', starting with a letter or digit",
        );
      }
      if (role !== "reporter" && role !== "analyst") {
        throw new CredentialError(`the role must be reporter or analyst, not ${String(role)}`);
      }
      if (hosts.trim() === "" || hasControlCharacter(hosts)) {
        throw new CredentialError("--hosts must be a non-empty glob without control characters");
      }
      if ((await records.find(name)) !== undefined) {
        throw new CredentialError(`a credential named ${name} exists already (revoked or not)`);
      }
      const secret = randomBytes(32).toString("base64url");
      await records.insert({
        name,
        role,
        hosts: role === "analyst" ? "*" : hosts,
        secret_hash: await hashSecret(secret),
        created_at: now(),
      });
      return { api_identifier: name, api_secret: secret };
    },
    list: () => records.list(),
    revoke: (name) => records.revoke(name, now()),
    find: (name) => records.find(name),
  };
}
