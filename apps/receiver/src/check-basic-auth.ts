import { createHash, timingSafeEqual } from "node:crypto";
import { HttpProblem } from "./http-problem.js";

/** One identifier/secret pair the receiver accepts. */
export interface ReceiverCredential {
  identifier: string;
  secret: string;
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i;

/** A checker for `Authorization` headers against a fixed set of credentials. */
export type BasicAuthCheck = (header: string | undefined) => string;

/**
 * Builds the Basic-auth check. Every configured pair is compared (digests of equal length,
 * `timingSafeEqual`, no early exit), so the answer time does not tell how much matched.
 * The returned function gives the matching identifier.
 *
 * @throws TypeError at build time for no credentials or an identifier that is empty or holds
 *   `:`. The check throws HttpProblem 401 with `WWW-Authenticate` on a missing, malformed or
 *   wrong header.
 */
export function createBasicAuthCheck(credentials: readonly ReceiverCredential[]): BasicAuthCheck {
  if (credentials.length === 0) throw new TypeError("at least one credential is required");
  const known = credentials.map(({ identifier, secret }) => {
    if (identifier === "" || identifier.includes(":")) {
      throw new TypeError("a credential identifier must be non-empty and without ':'");
    }
    return { identifier, id: digest(identifier), secret: digest(secret) };
  });
  const refuse = (why: string) =>
    new HttpProblem(401, why, {
      headers: { "WWW-Authenticate": 'Basic realm="spoor", charset="UTF-8"' },
    });
  return (header) => {
    const match = header === undefined ? null : BASIC.exec(header);
    if (match === null) throw refuse("HTTP Basic authentication required");
    const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon === -1) throw refuse("malformed Basic credentials");
    const id = digest(decoded.slice(0, colon));
    const secret = digest(decoded.slice(colon + 1));
    let found: string | undefined;
    for (const candidate of known) {
      const idMatches = timingSafeEqual(id, candidate.id);
      const secretMatches = timingSafeEqual(secret, candidate.secret);
      if (idMatches && secretMatches && found === undefined) found = candidate.identifier;
    }
    if (found === undefined) throw refuse("unknown identifier or wrong secret");
    return found;
  };
}
