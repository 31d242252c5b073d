import { BaseCommand } from "../../base-command.js";
import { recordListFlags } from "../../flags.js";
import { renderRecords } from "../../output/render-records.js";
import { reportList } from "../../services/report-list.js";

/** `spoor report list`: the reports the Spoor API holds for this host (the original's `spoor_report_list`). */
export default class ReportList extends BaseCommand {
  static override summary = "List the reports the Spoor API holds for this host.";
  static override description =
    "List the reports the Spoor API holds for this host (CSV by default, as spoor_report_list).";
  static override flags = recordListFlags;
  static override examples = [
    "<%= config.bin %> report list",
    "<%= config.bin %> report list --output table --host cp1.example.com",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(ReportList);
    const records = await reportList({
      configPath: flags.config,
      root: flags.root,
      host: flags.host,
    });
    process.stdout.write(renderRecords("report", records, flags.json ? "json" : flags.output));
  }
}
