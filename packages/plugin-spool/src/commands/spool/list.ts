import { Flags } from "@oclif/core";
import { SpoolCommand } from "../../base-command.js";
import { formatListingTable } from "../../format-listing-table.js";
import { QUEUES } from "../../queue-name.js";
import { spoolList } from "../../services/spool-list.js";
import { spoolFlags } from "../../spool-flags.js";

/** `spoor spool list`: the files of one spool directory. */
export default class SpoolList extends SpoolCommand {
  static override summary = "List the files of one spool directory.";
  static override description =
    "List the files of one spool directory (default: parsed, the queue to send).";
  static override flags = {
    ...spoolFlags,
    queue: Flags.option({
      options: QUEUES,
      default: "parsed" as const,
      description: "which directory",
    })(),
    output: Flags.option({
      options: ["table", "json"] as const,
      default: "table" as const,
      description: "output format",
    })(),
  };
  static override examples = [
    "<%= config.bin %> spool list",
    "<%= config.bin %> spool list --queue failed --output json",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(SpoolList);
    const files = await spoolList({
      configPath: flags.config,
      root: flags.root,
      queue: flags.queue,
    });
    process.stdout.write(
      flags.output === "json" ? `${JSON.stringify(files, null, 2)}\n` : formatListingTable(files),
    );
  }
}
