import { createLogger, createLoginLoggingSetting, createSpoolFromConfig } from "@spoor/agent";
import { loadConfig, UserFacingError } from "@spoor/config";
import type { LogType, ParsedEntry } from "@spoor/parsers";
import { parserFor, scanInteresting } from "@spoor/parsers";
import { type SpoolEntry, SpoolFullError, stableId } from "@spoor/spool";
import type { ConfigLocation } from "../api/open-api-client.js";
import { completeLineRanges } from "../input/complete-line-ranges.js";
import { expandGlobs } from "../input/expand-globs.js";
import { openArchive } from "../input/read-archive.js";
import { checkLogType } from "./parse.js";

/** Options of `spoor backfill`. */
export interface BackfillOptions extends ConfigLocation {
  type: string;
  /** Files, or patterns with wildcards in the file name (`archive/access_log-*.gz`). */
  files: readonly string[];
  /** Called before each file is read. */
  onFile?: (file: string) => void;
  /** Called as a file is read: bytes read from disk so far, and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** What a backfill did with one file. */
export interface BackfillSummary {
  file: string;
  linesScanned: number;
  /** Interesting entries found (added + already queued). */
  entriesFound: number;
  /** Entries written into parsed/ by this run. */
  entriesAdded: number;
  /** Entries that were already queued in parsed/ (not duplicated). */
  alreadyQueued: number;
  /** Whether any line of the file is a line of this TYPE's log at all. */
  matchesType: boolean;
  parsedPath: string;
}

/**
 * Spools the interesting events of rotated logs (gzip or plain; several files and file-name
 * patterns, each file checked before any is read) exactly as the follower
 * would have, with ids `stableId(type, "backfill", dev, ino, lineOffset, lineBytes)`
 * (offsets in the decompressed stream), so running it again adds nothing that is still
 * queued. For session archives, logins are skipped while cPanel logs them to login_log (as
 * the session follower does). Each summary says what was added and what was already
 * queued, and whether the file held any line of this type at all.
 * @throws UsageError for an unknown type or unreadable archive; UserFacingError for the
 *   configuration, the spool's permissions, or a full spool (re-run once it has drained).
 */
export async function backfill(options: BackfillOptions): Promise<BackfillSummary[]> {
  const type = checkLogType(options.type);
  const files = await expandGlobs(options.files);
  for (const file of files) await (await openArchive(file)).close();
  const config = await loadConfig({ path: options.configPath, root: options.root });
  const spool = createSpoolFromConfig(config);
  const skipLogins = await loginsGoToLoginLog(type, config.root);
  const queued = new Set((await spool.list()).map((file) => file.name));
  const summaries: BackfillSummary[] = [];
  for (const file of files) {
    options.onFile?.(file);
    summaries.push(await backfillFile(file, { type, spool, skipLogins, queued, config, options }));
  }
  return summaries;
}

async function backfillFile(
  file: string,
  run: {
    type: LogType;
    spool: ReturnType<typeof createSpoolFromConfig>;
    skipLogins: boolean;
    queued: Set<string>;
    config: Awaited<ReturnType<typeof loadConfig>>;
    options: BackfillOptions;
  },
): Promise<BackfillSummary> {
  const { type, spool, skipLogins, options } = run;
  const archive = await openArchive(file);
  const summary: BackfillSummary = {
    file,
    linesScanned: 0,
    entriesFound: 0,
    entriesAdded: 0,
    alreadyQueued: 0,
    matchesType: false,
    parsedPath: run.config.application.parsed_entries_path,
  };
  const extraEvents = run.config.transmission.events;
  const parseLine = parserFor(type);
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
      if (entries.length > 0) summary.matchesType = true;
      else if (!summary.matchesType) summary.matchesType = anyLineOfType(range, parseLine);
      if (entries.length > 0) await writeEntries(spool, entries, summary, run.queued);
    }
  } finally {
    await archive.close();
  }
  return summary;
}

/** Whether some line of the range is recognised by the type's parser (stops at the first). */
function anyLineOfType(
  range: { bytes: Buffer; start: number; end: number },
  parseLine: (line: string) => ParsedEntry,
): boolean {
  let start = range.start;
  while (start < range.end) {
    const end = range.bytes.indexOf(10, start);
    const stop = end === -1 || end > range.end ? range.end : end;
    if (parseLine(range.bytes.toString("utf8", start, stop)).event !== "unrecognised") return true;
    start = stop + 1;
  }
  return false;
}

async function writeEntries(
  spool: ReturnType<typeof createSpoolFromConfig>,
  entries: SpoolEntry[],
  summary: BackfillSummary,
  queued: Set<string>,
): Promise<void> {
  let written: Awaited<ReturnType<typeof spool.write>>;
  try {
    written = await spool.write(entries);
  } catch (error) {
    if (!(error instanceof SpoolFullError)) throw error;
    throw new UserFacingError(
      `the spool ${summary.parsedPath} is full after ${summary.entriesAdded} entries added from ${summary.file}.`,
      "let the transmitter drain it (spoor transmit --once), then run the same backfill again: entries already queued are not duplicated",
      { cause: error },
    );
  }
  summary.entriesFound += written.length;
  for (const file of written) {
    if (queued.has(file.name)) summary.alreadyQueued += 1;
    else {
      summary.entriesAdded += 1;
      queued.add(file.name);
    }
  }
}

async function loginsGoToLoginLog(type: LogType, root: string): Promise<boolean> {
  if (type !== "session") return false;
  const logger = createLogger({ level: "warn" });
  return createLoginLoggingSetting({ root, logger }).isOn();
}
