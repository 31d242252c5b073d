import { UsageError } from "@spoor/errors";
import {
  decodeLine,
  LineSplitter,
  LOG_TYPES,
  type LogType,
  type ParsedEntry,
  parseLine,
  scanInteresting,
} from "@spoor/parsers";
import { completeLineRanges } from "../input/complete-line-ranges.js";
import { type InputSource, openInputs } from "../input/open-inputs.js";

/** Options of `spoor parse`. */
export interface ParseOptions {
  type: string;
  files: readonly string[];
  /** Only the entries the agent would spool, found by the agent's own `scanInteresting`. */
  interesting: boolean;
  stdin: NodeJS.ReadableStream;
}

/**
 * Parses log lines into entries, one per input line (or only the interesting ones), in
 * input order, in batches of about one read chunk. Reads files in 1 MiB chunks and never
 * holds a whole file.
 * Throws UsageError for an unknown type or a file that cannot be read (before yielding
 * anything when the file cannot be opened).
 */
export async function* parse(options: ParseOptions): AsyncGenerator<ParsedEntry[]> {
  const type = checkLogType(options.type);
  const sources = await openInputs(options.files, options.stdin);
  for (const source of sources) {
    yield* options.interesting ? interestingEntries(type, source) : allEntries(type, source);
  }
}

/** Returns `value` as a LogType. Throws UsageError naming the accepted types. */
export function checkLogType(value: string): LogType {
  if ((LOG_TYPES as readonly string[]).includes(value)) return value as LogType;
  throw new UsageError(`unknown log type "${value}" (expected one of: ${LOG_TYPES.join(", ")})`);
}

async function* allEntries(type: LogType, source: InputSource): AsyncGenerator<ParsedEntry[]> {
  const splitter = new LineSplitter();
  let batch: ParsedEntry[] = [];
  const onLine = (bytes: Buffer, start: number, end: number) => {
    batch.push(parseLine(type, decodeLine(bytes, start, end)));
  };
  for await (const chunk of source.chunks()) {
    splitter.push(chunk, onLine);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  splitter.end(onLine);
  if (batch.length > 0) yield batch;
}

async function* interestingEntries(
  type: LogType,
  source: InputSource,
): AsyncGenerator<ParsedEntry[]> {
  for await (const range of completeLineRanges(source.chunks())) {
    const batch: ParsedEntry[] = [];
    scanInteresting(type, range.bytes, range.start, range.end, (entry) => batch.push(entry));
    if (batch.length > 0) yield batch;
  }
}
