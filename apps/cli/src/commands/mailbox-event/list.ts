import { BaseCommand } from "../../base-command.js";
import { recordListFlags } from "../../flags.js";
import { renderRecords } from "../../output/render-records.js";
import { mailboxEventList } from "../../services/mailbox-event-list.js";

/** `spoor mailbox-event list`: the original's `spoor_mailbox_event_list`. */
export default class MailboxEventList extends BaseCommand {
  static override summary = "List the mailbox events the Spoor API holds for this host.";
  static override description =
    "List the mailbox events the Spoor API holds for this host (CSV by default, as spoor_mailbox_event_list).";
  static override flags = recordListFlags;
  static override examples = [
    "<%= config.bin %> mailbox-event list",
    "<%= config.bin %> mailbox-event list --output json",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(MailboxEventList);
    const records = await mailboxEventList({
      configPath: flags.config,
      root: flags.root,
      host: flags.host,
    });
    process.stdout.write(
      renderRecords("mailbox_event", records, flags.json ? "json" : flags.output),
    );
  }
}
