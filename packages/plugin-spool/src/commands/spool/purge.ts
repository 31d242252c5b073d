import { Flags } from "@oclif/core";
import { SpoolCommand } from "../../base-command.js";
import { PURGEABLE_QUEUES } from "../../queue-name.js";
import { spoolPurge } from "../../services/spool-purge.js";
import { spoolFlags } from "../../spool-flags.js";

/** `spoor spool purge --queue Q --yes`: empty an archive directory. */
export default class SpoolPurge extends SpoolCommand {
  static override summary = "Delete the sent, failed or quarantined files.";
  static override description =
    "Delete every file of the transmitted, failed or quarantine directory (never the queue itself).";
  static override flags = {
    ...spoolFlags,
    queue: Flags.option({
      options: PURGEABLE_QUEUES,
      required: true,
      description: "which directory",
    })(),
    yes: Flags.boolean({ description: "confirm the deletion", default: false }),
  };
  static override examples = ["<%= config.bin %> spool purge --queue transmitted --yes"];

  async run(): Promise<void> {
    const { flags } = await this.parse(SpoolPurge);
    const removed = await spoolPurge({
      configPath: flags.config,
      root: flags.root,
      queue: flags.queue,
      confirmed: flags.yes,
    });
    process.stdout.write(
      `purged ${removed} ${removed === 1 ? "entry" : "entries"} from ${flags.queue}\n`,
    );
  }
}
