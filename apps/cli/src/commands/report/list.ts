import { RecordListCommand } from "../../record-list-command.js";

/** `spoor report list`: the reports the Spoor API holds for this host (the original's `spoor_report_list`). */
export default class ReportList extends RecordListCommand {
  static override summary = "List the reports the Spoor API holds for this host.";
  static override description =
    "List the reports the Spoor API holds for this host (CSV by default, as spoor_report_list, with the forward recipient after the original's columns).";
  static override examples = [
    "<%= config.bin %> report list",
    "<%= config.bin %> report list --output table --host cp1.example.com",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(ReportList);
    await this.printRecords("report", flags);
  }
}
