import type { RecordKind } from "@spoor/api-client";
import { type ApiAccessFlagValues, accessFromFlags } from "./api/access-from-flags.js";
import { BaseCommand } from "./base-command.js";
import { recordListFlags } from "./flags.js";
import { emptyListNote } from "./output/empty-list-note.js";
import { type RecordOutput, renderRecords } from "./output/render-records.js";
import { recordList } from "./services/record-list.js";

/** The parsed flags of a record list (`recordListFlags`). */
export interface RecordListFlagValues extends ApiAccessFlagValues {
  json: boolean;
  output: RecordOutput;
  host?: string;
}

/**
 * The base of `spoor report list` and `spoor mailbox-event list`: the same flags, the same
 * call and the same output, for the records of one kind.
 */
export abstract class RecordListCommand extends BaseCommand {
  static override flags = recordListFlags;

  /**
   * Prints the records of `kind` on stdout in the chosen format, with a note on stderr when
   * there are none.
   * @throws UserFacingError, UsageError as `recordList` does.
   */
  protected async printRecords(kind: RecordKind, flags: RecordListFlagValues): Promise<void> {
    const { host, records } = await recordList(kind, {
      ...accessFromFlags(flags),
      host: flags.host,
    });
    process.stdout.write(renderRecords(kind, records, flags.json ? "json" : flags.output));
    const what = kind === "report" ? "reports" : "mailbox events";
    if (records.length === 0) process.stderr.write(emptyListNote(what, { host }));
  }
}
