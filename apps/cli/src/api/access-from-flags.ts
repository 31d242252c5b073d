import type { ApiAccess } from "./api-access.js";

/** The flags every read command shares (see `apiAccessFlags`). */
export interface ApiAccessFlagValues {
  config?: string;
  root?: string;
  "api-host"?: string;
  "api-identifier"?: string;
}

/**
 * The {@link ApiAccess} of parsed flags, the secret taken from `SPOOR_API_SECRET` in `env`.
 * Never throws.
 */
export function accessFromFlags(
  flags: ApiAccessFlagValues,
  env: NodeJS.ProcessEnv = process.env,
): ApiAccess {
  const access: ApiAccess = {};
  if (flags.config !== undefined) access.configPath = flags.config;
  if (flags.root !== undefined) access.root = flags.root;
  if (flags["api-host"] !== undefined) access.apiHost = flags["api-host"];
  if (flags["api-identifier"] !== undefined) access.apiIdentifier = flags["api-identifier"];
  if (env.SPOOR_API_SECRET !== undefined) access.apiSecret = env.SPOOR_API_SECRET;
  return access;
}
