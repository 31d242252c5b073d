import type { ConfigLocation } from "./open-api-client.js";

/** How a read command reaches the API, besides spoor.yml (flags and environment). */
export interface ApiAccess extends ConfigLocation {
  /** `--api-host URL`: instead of `transmission.host`. */
  apiHost?: string;
  /** `--api-identifier ID`: with `apiSecret`, instead of the credentials in spoor.yml. */
  apiIdentifier?: string;
  /** `SPOOR_API_SECRET` (never a flag: a flag shows in the process list). */
  apiSecret?: string;
}
