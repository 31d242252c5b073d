import { open } from "node:fs/promises";

/**
 * cPanel's "Log successful logins" tweak setting as read from cpanel.config:
 * `on` (`log_successful_logins=1`), `off` (`=0` or another value), `unset` (no such key:
 * cPanel's default, off), `missing` (no cpanel.config: probably not a cPanel server).
 */
export type LoginLoggingState = "on" | "off" | "unset" | "missing";

const MAX_BYTES = 1024 * 1024;

/** The command that turns the setting on (cpanel.md §4). */
export const ENABLE_LOGIN_LOGGING = "whmapi1 set_tweaksetting key=log_successful_logins value=1";

/** Where the same switch is in WHM. */
export const LOGIN_LOGGING_IN_WHM =
  'WHM » Server Configuration » Tweak Settings » Logging » "Log successful logins"';

/**
 * Reads `log_successful_logins` from cpanel.config (plain `key=value` lines, first 1 MiB).
 * Never throws: an unreadable file counts as `missing`.
 */
export async function readLoginLogging(cpanelConfigPath: string): Promise<LoginLoggingState> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(cpanelConfigPath, "r");
  } catch {
    return "missing";
  }
  try {
    const buffer = Buffer.alloc(MAX_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_BYTES, 0);
    const text = buffer.toString("utf8", 0, bytesRead);
    const match = /^log_successful_logins[ \t]*=[ \t]*(\S*)/m.exec(text);
    if (match === null) return "unset";
    return match[1] === "1" ? "on" : "off";
  } catch {
    return "missing";
  } finally {
    await handle.close();
  }
}
