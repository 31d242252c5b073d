import { Args } from "@oclif/core";
import { BaseCommand } from "../base-command.js";
import { configFlags } from "../flags.js";
import { createProgressLine } from "../output/progress-line.js";
import { backfill } from "../services/backfill.js";

/** `spoor backfill TYPE FILE`: spool the interesting events of a rotated archive. */
export default class Backfill extends BaseCommand {
  static override summary = "Spool the interesting events of rotated or archived logs.";
  static override description =
    "Spool the interesting events of a rotated log (gzip or plain), as the follower would have; running it again adds no duplicates.";
  static override args = {
    type: Args.string({
      ignoreStdin: true,
      description: "access, error, login or session",
      required: true,
    }),
    file: Args.string({
      ignoreStdin: true,
      description: "the archive, e.g. archive/access_log-05-2024.gz",
      required: true,
    }),
  };
  static override flags = configFlags;
  static override examples = [
    "<%= config.bin %> backfill access /usr/local/cpanel/logs/archive/access_log-05-2024.gz",
  ];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Backfill);
    const progress = createProgressLine(process.stderr, args.file);
    try {
      const summary = await backfill({
        type: args.type,
        file: args.file,
        configPath: flags.config,
        root: flags.root,
        onProgress: (bytesRead, total) => progress.update(bytesRead, total),
      });
      progress.clear();
      process.stdout.write(
        `${summary.file}: scanned ${summary.linesScanned} lines, spooled ${summary.entriesSpooled} entries into ${summary.parsedPath} (entries already queued are not duplicated)\n`,
      );
    } finally {
      progress.clear();
    }
  }
}
