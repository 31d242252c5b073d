import type { ServerCredential } from "../auth/check-basic-auth.js";

/** What `spoor server` / `spoor-server` was asked to do (flags as given, not yet defaulted). */
export interface ServeArguments {
  /** `--config PATH`; undefined: `/etc/spoor/server.yml` if it exists. */
  configPath?: string;
  /** `--db URL` (over `database:` of the config). */
  database?: string;
  /** `--listen HOST:PORT` (over `listen:` of the config). */
  listen?: string;
  /** `--credentials ID:SECRET`, repeatable. */
  credentials: ServerCredential[];
}

/**
 * Reads one `--credentials ID:SECRET` value (the ID may not hold `:`, the secret may).
 *
 * @throws TypeError with a one-line message.
 */
export function parseCredentialFlag(text: string): ServerCredential {
  const colon = text.indexOf(":");
  if (colon <= 0)
    throw new TypeError("--credentials must look like ID:SECRET (a non-empty ID, then ':')");
  return { identifier: text.slice(0, colon), secret: text.slice(colon + 1) };
}
