import { ApiClientConfigError } from "./api-client-config-error.js";
import { isPlainHttpAllowed } from "./is-loopback-host.js";

/**
 * Checks `transmission.host` and returns it without a trailing slash, ready for an endpoint
 * path to be appended (the original concatenated host and endpoint the same way).
 * `http:` is accepted only for loopback hosts unless `allowInsecureHttp` is set.
 *
 * @throws ApiClientConfigError for an unparsable URL, a scheme other than http/https,
 *   user info, a query or fragment, or plain http to a non-loopback host.
 */
export function resolveBaseUrl(host: string, allowInsecureHttp: boolean): string {
  const fix = "set transmission.host to an https URL such as https://spoor.capefox.co";
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new ApiClientConfigError(
      "host",
      `the API host ${JSON.stringify(host)} is not a URL`,
      fix,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ApiClientConfigError("host", `the API host must use https, not ${url.protocol}`, fix);
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new ApiClientConfigError(
      "host",
      "the API host must not carry user info, a query or a fragment (credentials go in transmission.credentials)",
      fix,
    );
  }
  if (!isPlainHttpAllowed(url, allowInsecureHttp)) {
    throw new ApiClientConfigError(
      "host",
      `refusing plain http to ${url.hostname}: the API secret would cross the network unencrypted`,
      `${fix}, or set transmission.allow_insecure_http: true if this network is trusted`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
