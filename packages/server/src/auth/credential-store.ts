import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { CredentialError } from "./credential-error.js";
import { hashSecret } from "./hash-secret.js";
import type { Role } from "./principal.js";

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

/** The credentials table. */
export interface CredentialStore {
  /** Creates a credential; the secret is returned once and stored only hashed. */
  add(
    name: string,
    role: Role,
    hosts?: string,
  ): Promise<{ api_identifier: string; api_secret: string }>;
  list(): CredentialInfo[];
  /** @returns false when no active credential has that name. */
  revoke(name: string): boolean;
  find(name: string): StoredCredential | undefined;
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
export function createCredentialStore(db: Database.Database, now: () => number): CredentialStore {
  const insert = db.prepare(
    "INSERT INTO credentials (name, role, hosts, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const byName = db.prepare<[string], StoredCredential>(
    "SELECT id, name, role, hosts, secret_hash, created_at, revoked_at FROM credentials WHERE name = ?",
  );
  const all = db.prepare<[], CredentialInfo>(
    "SELECT name, role, hosts, created_at, revoked_at FROM credentials ORDER BY name",
  );
  const revoke = db.prepare(
    "UPDATE credentials SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
  );
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
      if (byName.get(name) !== undefined) {
        throw new CredentialError(`a credential named ${name} exists already (revoked or not)`);
      }
      const secret = randomBytes(32).toString("base64url");
      insert.run(name, role, role === "analyst" ? "*" : hosts, await hashSecret(secret), now());
      return { api_identifier: name, api_secret: secret };
    },
    list: () => all.all(),
    revoke: (name) => revoke.run(now(), name).changes > 0,
    find: (name) => byName.get(name),
  };
}
