import { loadConfig, type SpoorConfig, spoolOptions } from "@spoor/config";
import { isInteresting, type ParsedEntry, parseErrorLine } from "@spoor/parsers";
import { createFileSpool, type SpooledFile } from "@spoor/spool";
import { describeSpoolFailure } from "./describe-spool-failure.js";
import { formatErrorLogLine } from "./error-log-line.js";
import type { HookRecord } from "./hook-record.js";
import { PayloadRejectedError } from "./payload-rejected-error.js";

/** Where one hook run's event went. */
export type RecordOutcome =
  | { route: "spool"; file: SpooledFile }
  | { route: "not-interesting" }
  | { route: "error-log"; because: string };

/** What {@link recordHookEvent} needs besides the record. */
export interface RecordContext {
  /** `--config PATH`; undefined for the default `/etc/spoor/spoor.yml`. */
  configPath: string | undefined;
  /** The run's clock reading: the entry's `log_time` and the line's timestamp. */
  nowMs: number;
  /** The entry's id ({@link hookEntryId}). */
  id: string;
  /** Synchronous write to STDERR (cPanel copies it into error_log). */
  writeStderr: (text: string) => void;
}

/**
 * Longest error_log line the hook builds (16 KiB, a quarter of the follower's default line
 * limit): a record beyond it could not take the fallback route, so it is refused on both.
 */
export const MAX_LINE_LENGTH = 16 * 1024;

/** Prefix of every diagnostic line, which never starts with `[` as event lines do. */
export const DIAGNOSTIC_PREFIX = "spoor-cpanel-hook: ";

/**
 * Records one event. The entry is what the error parser makes of the error_log line for it
 * (`parseErrorLine`), so both routes give the same fields by construction.
 * Direct route: read the configuration (as root, escalateprivs=1), keep the entry only if the
 * agent would spool it (`isInteresting` with `transmission.events`), write it with its id
 * through the file spool (atomic, durable, 0600). Fallback, when the configuration or the
 * spool cannot be used (not root, spool full, disk full…): a diagnostic line, then the
 * error_log line, on STDERR for cPanel to copy into error_log, where the error follower
 * parses and filters it.
 * @throws PayloadRejectedError("too-large", "entry") when the line would be longer than
 * {@link MAX_LINE_LENGTH}; Error if the parser does not recognise the line (a bug).
 */
export async function recordHookEvent(
  record: HookRecord,
  context: RecordContext,
): Promise<RecordOutcome> {
  const line = formatErrorLogLine(record.tag, record.data, context.nowMs);
  if (line.length > MAX_LINE_LENGTH) throw new PayloadRejectedError("too-large", "entry");
  const entry = parseErrorLine(line);
  if (entry.event !== record.kind) {
    throw new Error(`the error parser did not recognise the ${record.kind} line`);
  }
  let because: string;
  try {
    const config = await loadConfig(
      context.configPath === undefined ? {} : { path: context.configPath },
    );
    if (!isInteresting(entry, { extraEvents: config.transmission.events })) {
      return { route: "not-interesting" };
    }
    return { route: "spool", file: await spoolEntry(config, entry, context.id) };
  } catch (error) {
    // The uid tells an operator at once whether cPanel escalated (root is uid 0).
    because = `as uid ${process.geteuid?.() ?? "?"}: ${describeSpoolFailure(error)}`;
  }
  // The diagnostic goes first: should cPanel prefix the copied text with its own
  // "[ts] info [service] ", that prefix lands on the diagnostic and the event line still
  // starts a line of error_log, where the parser anchors it.
  context.writeStderr(
    `${DIAGNOSTIC_PREFIX}spool not written ${because} | event passed through error_log\n${line}\n`,
  );
  return { route: "error-log", because };
}

async function spoolEntry(
  config: SpoorConfig,
  entry: ParsedEntry,
  id: string,
): Promise<SpooledFile> {
  const spool = createFileSpool(spoolOptions(config));
  const [file] = await spool.write([{ ...entry, id }]);
  return file!;
}
