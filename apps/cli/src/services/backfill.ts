import { createLogger, createLoginLoggingSetting, createSpoolFromConfig } from "@spoor/agent";
import { loadConfig, UserFacingError } from "@spoor/config";
import type { LogType, ParsedEntry } from "@spoor/parsers";
import { scanInteresting } from "@spoor/parsers";
import { type SpoolEntry, SpoolFullError, stableId } from "@spoor/spool";
import type { ConfigLocation } from "../api/open-api-client.js";
import { completeLineRanges } from "../input/complete-line-ranges.js";
import { openArchive } from "../input/read-archive.js";
import { checkLogType } from "./parse.js";

/** Options of `spoor backfill`. */
export interface BackfillOptions extends ConfigLocation {
  type: string;
  file: string;
  /** Called as the file is read: bytes read from disk so far, and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** What a backfill did. */
export interface BackfillSummary {
  file: string;
  linesScanned: number;
  entriesSpooled: number;
  parsedPath: string;
}

/**
 * Spools the interesting events of a rotated log (gzip or plain) exactly as the follower
 * would have, with ids `stableId(type, "backfill", dev, ino, lineOffset, lineBytes)`
 * (offsets in the decompressed stream), so running it again adds nothing that is still
 * queued. For session archives, logins are skipped while cPanel logs them to login_log (as
 * the session follower does).
 * @throws UsageError for an unknown type or unreadable archive; UserFacingError for the
 *   configuration, the spool's permissions, or a full spool (re-run once it has drained).
 */
export async function backfill(options: BackfillOptions): Promise<BackfillSummary> {
  const type = checkLogType(options.type);
  const config = await loadConfig({ path: options.configPath, root: options.root });
  const spool = createSpoolFromConfig(config);
  const skipLogins = await loginsGoToLoginLog(type, config.root);
  const archive = await openArchive(options.file);
  const summary: BackfillSummary = {
    file: options.file,
    linesScanned: 0,
    entriesSpooled: 0,
    parsedPath: config.application.parsed_entries_path,
  };
  const extraEvents = config.transmission.events;
  try {
    const progress = (bytesRead: number) => options.onProgress?.(bytesRead, archive.size);
    for await (const range of completeLineRanges(archive.chunks(progress))) {
      const entries: SpoolEntry[] = [];
      const visit = (entry: ParsedEntry, lineStart: number, lineEnd: number) => {
        if (skipLogins && entry.event === "login") return;
        const lineOffset = range.offset + (lineStart - range.start);
        const lineBytes = range.bytes.subarray(lineStart, lineEnd);
        const id = stableId(type, "backfill", archive.dev, archive.ino, lineOffset, lineBytes);
        entries.push({ ...entry, id });
      };
      summary.linesScanned += scanInteresting(type, range.bytes, range.start, range.end, visit, {
        extraEvents,
      });
      if (entries.length > 0) await writeEntries(spool, entries, summary);
    }
  } finally {
    await archive.close();
  }
  return summary;
}

async function writeEntries(
  spool: ReturnType<typeof createSpoolFromConfig>,
  entries: SpoolEntry[],
  summary: BackfillSummary,
): Promise<void> {
  try {
    await spool.write(entries);
  } catch (error) {
    if (!(error instanceof SpoolFullError)) throw error;
    throw new UserFacingError(
      `the spool ${summary.parsedPath} is full after ${summary.entriesSpooled} entries from ${summary.file}.`,
      "let the transmitter drain it (spoor transmit --once), then run the same backfill again: entries already queued are not duplicated",
      { cause: error },
    );
  }
  summary.entriesSpooled += entries.length;
}

async function loginsGoToLoginLog(type: LogType, root: string): Promise<boolean> {
  if (type !== "session") return false;
  const logger = createLogger({ level: "warn" });
  return createLoginLoggingSetting({ root, logger }).isOn();
}
