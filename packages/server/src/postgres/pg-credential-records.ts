import type {
  CredentialInfo,
  CredentialRecords,
  StoredCredential,
} from "../store/credential-records.js";
import { changesOf, type Queryable, rowsOf } from "./queryable.js";

/** The `credentials` table on PostgreSQL. */
export function createPgCredentialRecords(q: Queryable): CredentialRecords {
  return {
    async insert(c) {
      await changesOf(
        q,
        "INSERT INTO credentials (name, role, hosts, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
        [c.name, c.role, c.hosts, c.secret_hash, c.created_at],
      );
    },
    async find(name) {
      const [row] = await rowsOf<StoredCredential>(
        q,
        "SELECT id, name, role, hosts, secret_hash, created_at, revoked_at FROM credentials WHERE name = $1",
        [name],
      );
      return row;
    },
    list: () =>
      rowsOf<CredentialInfo>(
        q,
        "SELECT name, role, hosts, created_at, revoked_at FROM credentials ORDER BY name",
      ),
    async revoke(name, now) {
      const changed = await changesOf(
        q,
        "UPDATE credentials SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL",
        [now, name],
      );
      return changed > 0;
    },
  };
}
