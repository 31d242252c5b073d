import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "./logger.js";

/** Options of {@link createLoginLoggingSetting}. */
export interface LoginLoggingSettingOptions {
  /** The system root (`/` unless `--root`); the file is `<root>/var/cpanel/cpanel.config`. */
  root: string;
  logger: Logger;
  /** How often the file is stat'ed at most (default 60 000 ms). */
  recheckMs?: number;
  /** ms clock, for tests. */
  now?: () => number;
}

/** cPanel's "Log successful logins" Tweak Setting, re-read when the file changes. */
export interface LoginLoggingSetting {
  /** Whether login_log records successful logins (`log_successful_logins=1`). Never throws:
   *  a missing or unreadable file counts as cPanel's default, off. */
  isOn(): Promise<boolean>;
}

const MAX_BYTES = 1024 * 1024;

/**
 * Tracks `log_successful_logins` in `<root>/var/cpanel/cpanel.config` (plain `key=value`
 * lines; a missing file or key means 0, cPanel's default). The file is stat'ed at most once
 * per `recheckMs` and re-read only when its mtime, size or inode changed; a change is logged.
 * The session follower spools webmail logins only while this is off, so a login is reported
 * from exactly one log.
 */
export function createLoginLoggingSetting(
  options: LoginLoggingSettingOptions,
): LoginLoggingSetting {
  const path = join(options.root, "var", "cpanel", "cpanel.config");
  const recheckMs = options.recheckMs ?? 60_000;
  const now = options.now ?? Date.now;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let signature = "";
  let on: boolean | undefined;

  const refresh = async (): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    const next = info === undefined ? "missing" : `${info.ino}:${info.size}:${info.mtimeMs}`;
    if (next === signature && on !== undefined) return;
    signature = next;
    const value = info === undefined ? false : await readSetting(path);
    if (on !== undefined && value !== on) {
      options.logger.info("log_successful_logins changed", { path, on: value });
    }
    on = value;
  };

  return {
    async isOn() {
      if (on === undefined || now() - checkedAt >= recheckMs) {
        checkedAt = now();
        await refresh();
      }
      return on === true;
    },
  };
}

async function readSetting(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    const buffer = Buffer.alloc(MAX_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_BYTES, 0);
    const match = /^log_successful_logins[ \t]*=[ \t]*(\S*)/m.exec(
      buffer.toString("utf8", 0, bytesRead),
    );
    return match?.[1] === "1";
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
