import { isIP } from "node:net";
import { ServerConfigError } from "./server-config-error.js";

/** Where the server listens. */
export interface ListenAddress {
  host: string;
  port: number;
}

/** The default `--listen`. */
export const DEFAULT_LISTEN = "127.0.0.1:8480";

/**
 * Reads `HOST:PORT` (`127.0.0.1:8480`, `[::1]:0`, `0.0.0.0:443`, `localhost:8480`); port 0
 * picks a free one.
 *
 * @throws ServerConfigError naming `key` for anything else.
 */
export function parseListen(text: string, key = "listen"): ListenAddress {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  const hostOk =
    host !== undefined &&
    (match?.[1] !== undefined
      ? isIP(host) === 6
      : isIP(host) === 4 || /^[A-Za-z0-9.-]{1,253}$/.test(host));
  if (!hostOk || !(port >= 0 && port <= 65535)) {
    throw new ServerConfigError(
      `${key} must be HOST:PORT (e.g. 127.0.0.1:8480 or [::1]:8480), not ${JSON.stringify(text.slice(0, 100))}`,
      { key },
    );
  }
  return { host: host!, port };
}

/** True for addresses only this machine reaches. Never throws. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
