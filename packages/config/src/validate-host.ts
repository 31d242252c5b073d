import { isPlainHttpAllowed } from "@spoor/api-client/loopback";
import { fail, type ReadContext } from "./field-readers.js";

const KEY = "transmission.host";

/**
 * `transmission.host`: an http(s) URL without credentials, query or fragment. Plain http is
 * allowed to a loopback host, and to any other only when `allowInsecureHttp` is set: the
 * client's own rule (`isPlainHttpAllowed` of `@spoor/api-client`), so a host that loads is one
 * the client accepts.
 * @returns the URL as written, without trailing slashes.
 * @throws ConfigError naming the key, the value and what is expected.
 */
export function validateHost(
  context: ReadContext,
  value: unknown,
  allowInsecureHttp: boolean,
): string {
  const expected = "an http(s) URL";
  if (typeof value !== "string" || value === "") return fail(context, KEY, expected, value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(context, KEY, expected, value);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return fail(context, KEY, expected, value);
  }
  if (url.username !== "" || url.password !== "") {
    return fail(context, KEY, `${expected} without user:password`, value, {
      found: "a URL with credentials in it",
      hint: "put them in transmission.credentials",
    });
  }
  if (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#")) {
    return fail(context, KEY, `${expected} without query or fragment`, value);
  }
  if (!isPlainHttpAllowed(url, allowInsecureHttp)) {
    return fail(context, KEY, "an https URL for a host that is not loopback", value, {
      hint: "plain http sends the API secret unencrypted; set transmission.allow_insecure_http: true to allow it",
    });
  }
  return value.replace(/\/+$/, "");
}
