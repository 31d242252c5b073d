import type { LoginEntry } from "./entry.js";

/**
 * The original's login context: `webmaild` → `mailbox` with `@` in the credential, else
 * `domain`; `cpaneld` → `domain`; `whostmgrd` → `system`; any other scope → undefined (the
 * entry then has no `context` key). Never throws.
 */
export function loginContext(scope: string, credential: string): LoginEntry["context"] {
  switch (scope) {
    case "webmaild":
      return credential.includes("@") ? "mailbox" : "domain";
    case "cpaneld":
      return "domain";
    case "whostmgrd":
      return "system";
    default:
      return undefined;
  }
}
