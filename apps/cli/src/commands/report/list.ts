import { accessFromFlags } from "../../api/access-from-flags.js";
import { BaseCommand } from "../../base-command.js";
import { recordListFlags } from "../../flags.js";
import { emptyListNote } from "../../output/empty-list-note.js";
import { renderRecords } from "../../output/render-records.js";
import { reportList } from "../../services/report-list.js";

/** `spoor report list`: the reports the Spoor API holds for this host (the original's `spoor_report_list`). */
export default class ReportList extends BaseCommand {
  static override summary = "List the reports the Spoor API holds for this host.";
  static override description =
    "List the reports the Spoor API holds for this host (CSV by default, as spoor_report_list, with the forward recipient after the original's columns).";
  static override flags = recordListFlags;
  static override examples = [
    "<%= config.bin %> report list",
    "<%= config.bin %> report list --output table --host cp1.example.com",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(ReportList);
    const { host, records } = await reportList({ ...accessFromFlags(flags), host: flags.host });
    process.stdout.write(renderRecords("report", records, flags.json ? "json" : flags.output));
    if (records.length === 0) process.stderr.write(emptyListNote("reports", { host }));
  }
}
