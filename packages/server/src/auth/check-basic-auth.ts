import { createHash, timingSafeEqual } from "node:crypto";
import { HttpProblem } from "../http/http-problem.js";
import type { CredentialStore, StoredCredential } from "./credential-store.js";
import { verifySecret } from "./hash-secret.js";
import { compileHostGlob } from "./host-glob.js";
import type { Principal } from "./principal.js";

/** A `--credentials ID:SECRET` pair: every role, every host (demo and tests only). */
export interface ServerCredential {
  identifier: string;
  secret: string;
}

/** Checks an `Authorization` header; resolves to the principal or rejects with a 401. */
export type BasicAuthCheck = (header: string | undefined) => Promise<Principal>;

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
// The Perl original's token may hold a space (its base64 wrapped at 76 characters) and end
// with one (original-wire.md): spaces inside the token are skipped, as Rails did.
const BASIC = /^Basic +([A-Za-z0-9+/= ]+)$/i;
const CACHE_LIMIT = 1000;
// A hash that never matches, verified for unknown names so they cost what a wrong secret costs.
const DUMMY_HASH = `scrypt$32768$8$1$${Buffer.alloc(16).toString("base64")}$${Buffer.alloc(32).toString("base64")}`;

function refuse(why: string): HttpProblem {
  return new HttpProblem(401, why, {
    headers: { "WWW-Authenticate": 'Basic realm="spoor", charset="UTF-8"' },
  });
}

function principalOf(credential: StoredCredential): Principal {
  const allows = compileHostGlob(credential.hosts);
  return {
    identifier: credential.name,
    roles: [credential.role],
    allowsHost: credential.role === "analyst" ? () => true : allows,
    hosts: credential.role === "analyst" ? null : credential.hosts,
  };
}

/**
 * Builds the Basic-auth check over the `--credentials` pairs (compared as SHA-256 digests
 * with `timingSafeEqual`, every pair, no early exit) and the database credentials (scrypt,
 * a verified secret cached in memory by the digest of identifier and secret; a revoked or
 * re-created credential is looked up again on every request, so revocation is immediate).
 *
 * @throws TypeError at build time for an identifier that is empty or holds `:`. The check
 *   rejects with HttpProblem 401 (with `WWW-Authenticate`) on a missing, malformed or wrong
 *   header or a revoked credential.
 */
export function createBasicAuthCheck(
  pairs: readonly ServerCredential[],
  store: CredentialStore,
): BasicAuthCheck {
  const known = pairs.map(({ identifier, secret }) => {
    if (identifier === "" || identifier.includes(":")) {
      throw new TypeError("a credential identifier must be non-empty and without ':'");
    }
    return { identifier, id: digest(identifier), secret: digest(secret) };
  });
  const verified = new Map<string, string>();
  return async (header) => {
    const match = header === undefined ? null : BASIC.exec(header.trim());
    if (match === null) throw refuse("HTTP Basic authentication required");
    const decoded = Buffer.from(match[1]!.replaceAll(" ", ""), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0) throw refuse("malformed Basic credentials");
    const name = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const id = digest(name);
    const secretDigest = digest(secret);
    let found: string | undefined;
    for (const candidate of known) {
      const idMatches = timingSafeEqual(id, candidate.id);
      const secretMatches = timingSafeEqual(secretDigest, candidate.secret);
      if (idMatches && secretMatches && found === undefined) found = candidate.identifier;
    }
    if (found !== undefined) {
      return {
        identifier: found,
        roles: ["reporter", "analyst"],
        allowsHost: () => true,
        hosts: null,
      };
    }
    const credential = await store.find(name);
    const cacheKey = createHash("sha256").update(decoded, "utf8").digest("base64");
    if (credential !== undefined && credential.revoked_at === null) {
      if (verified.get(cacheKey) === credential.secret_hash) return principalOf(credential);
      if (await verifySecret(secret, credential.secret_hash)) {
        if (verified.size >= CACHE_LIMIT) verified.clear();
        verified.set(cacheKey, credential.secret_hash);
        return principalOf(credential);
      }
    } else {
      await verifySecret(secret, DUMMY_HASH);
    }
    throw refuse("unknown identifier or wrong secret");
  };
}
