import { ServerNotInstalledError } from "./server-not-installed-error.js";

/** Whether `error` says that `@spoor/server` itself (not one of its imports) cannot be found. */
function isServerMissing(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === "ERR_MODULE_NOT_FOUND" &&
    typeof message === "string" &&
    message.includes("'@spoor/server'")
  );
}

/**
 * Loads `@spoor/server` (and with it the native SQLite driver) on first use. In the agent
 * package it resolves only when the `spoor-server` package is installed, which links
 * `/opt/spoor/lib/spoor/node_modules/@spoor/server` to its own tree.
 *
 * @throws ServerNotInstalledError when `@spoor/server` is not installed; any other load
 *   error (a missing dependency of the server, a driver built for another Node) as it is.
 */
export async function loadServer(): Promise<typeof import("@spoor/server")> {
  try {
    return await import("@spoor/server");
  } catch (error) {
    if (isServerMissing(error)) throw new ServerNotInstalledError({ cause: error });
    throw error;
  }
}
