import { RecordListCommand } from "../../record-list-command.js";

/** `spoor mailbox-event list`: the original's `spoor_mailbox_event_list`. */
export default class MailboxEventList extends RecordListCommand {
  static override summary = "List the mailbox events the Spoor API holds for this host.";
  static override description =
    "List the mailbox events the Spoor API holds for this host (CSV by default, as spoor_mailbox_event_list, with the forward recipient and class after the original's columns).";
  static override examples = [
    "<%= config.bin %> mailbox-event list",
    "<%= config.bin %> mailbox-event list --output json",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(MailboxEventList);
    await this.printRecords("mailbox_event", flags);
  }
}
