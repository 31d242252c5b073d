import { accessFromFlags } from "../../api/access-from-flags.js";
import { BaseCommand } from "../../base-command.js";
import { recordListFlags } from "../../flags.js";
import { emptyListNote } from "../../output/empty-list-note.js";
import { renderRecords } from "../../output/render-records.js";
import { mailboxEventList } from "../../services/mailbox-event-list.js";

/** `spoor mailbox-event list`: the original's `spoor_mailbox_event_list`. */
export default class MailboxEventList extends BaseCommand {
  static override summary = "List the mailbox events the Spoor API holds for this host.";
  static override description =
    "List the mailbox events the Spoor API holds for this host (CSV by default, as spoor_mailbox_event_list, with the forward recipient and class after the original's columns).";
  static override flags = recordListFlags;
  static override examples = [
    "<%= config.bin %> mailbox-event list",
    "<%= config.bin %> mailbox-event list --output json",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(MailboxEventList);
    const { host, records } = await mailboxEventList({
      ...accessFromFlags(flags),
      host: flags.host,
    });
    process.stdout.write(
      renderRecords("mailbox_event", records, flags.json ? "json" : flags.output),
    );
    if (records.length === 0) process.stderr.write(emptyListNote("mailbox events", { host }));
  }
}
