import { ApiClientConfigError } from "./api-client-config-error.js";

/** The API credentials of `spoor.yml` (`transmission.credentials`). */
export interface ApiCredentials {
  api_identifier: string;
  api_secret: string;
}

/**
 * The `Authorization` header value: `Basic ` and the base64 of `identifier:secret` (UTF-8) as
 * ONE line — no trailing newline and no folding, whatever the length (fixes original.md §9
 * bug 21).
 *
 * @throws ApiClientConfigError when the identifier is empty or holds a colon (Basic auth
 *   splits at the first colon) or either part holds a control character.
 */
export function basicAuthorization(credentials: ApiCredentials): string {
  const { api_identifier: identifier, api_secret: secret } = credentials;
  const fix =
    "set transmission.credentials.api_identifier and api_secret to the values Spoor issued";
  if (typeof identifier !== "string" || identifier.length === 0 || identifier.includes(":")) {
    throw new ApiClientConfigError(
      "credentials",
      "the API identifier must be a non-empty string without ':'",
      fix,
    );
  }
  if (typeof secret !== "string" || /\p{Cc}/u.test(identifier + secret)) {
    throw new ApiClientConfigError(
      "credentials",
      "the API credentials must be strings without control characters",
      fix,
    );
  }
  return `Basic ${Buffer.from(`${identifier}:${secret}`, "utf8").toString("base64")}`;
}
