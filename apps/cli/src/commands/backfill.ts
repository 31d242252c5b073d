import { Args, Flags } from "@oclif/core";
import { SilentError } from "@spoor/errors";
import { BaseCommand } from "../base-command.js";
import { configFlags } from "../flags.js";
import { createProgressLine, type ProgressLine } from "../output/progress-line.js";
import { type BackfillSummary, backfill } from "../services/backfill.js";

/** `spoor backfill TYPE FILE...`: spool the interesting events of rotated archives. */
export default class Backfill extends BaseCommand {
  static override summary = "Spool the interesting events of rotated or archived logs.";
  static override description =
    "Spool the interesting events of rotated logs (gzip or plain), as the follower would have; running it again adds no duplicates. " +
    "Takes several files, and quoted patterns with wildcards in the file name.";
  static override strict = false;
  static override usage = "<%= command.id %> TYPE FILE... [--strict] [--config PATH] [--root DIR]";
  static override args = {
    type: Args.string({
      ignoreStdin: true,
      description: "access, error, login or session",
      required: true,
    }),
    file: Args.string({
      ignoreStdin: true,
      description: "archives or patterns, e.g. 'archive/access_log-*.gz'",
      required: true,
    }),
  };
  static override flags = {
    ...configFlags,
    strict: Flags.boolean({
      description: "exit 1 when a file holds no line of a TYPE log at all (the wrong TYPE?)",
      default: false,
    }),
  };
  static override examples = [
    "<%= config.bin %> backfill access /usr/local/cpanel/logs/archive/access_log-05-2024.gz",
    "<%= config.bin %> backfill login '/usr/local/cpanel/logs/archive/login_log-*.gz'",
  ];

  async run(): Promise<void> {
    const { args, argv, flags } = await this.parse(Backfill);
    let progress: ProgressLine | undefined;
    let summaries: BackfillSummary[];
    try {
      summaries = await backfill({
        type: args.type,
        files: (argv as string[]).slice(1),
        configPath: flags.config,
        root: flags.root,
        onFile: (file) => {
          progress?.clear();
          progress = createProgressLine(process.stderr, file);
        },
        onProgress: (bytesRead, total) => progress?.update(bytesRead, total),
      });
    } finally {
      progress?.clear();
    }
    let mismatched = 0;
    for (const summary of summaries) {
      process.stdout.write(`${describe(summary)}\n`);
      if (summary.matchesType || summary.linesScanned === 0) continue;
      mismatched += 1;
      process.stderr.write(
        `Warning: no line of ${summary.file} is a line of a ${args.type} log: is ${args.type} the right TYPE?\n`,
      );
    }
    if (summaries.length > 1) {
      const total = (key: "entriesAdded" | "alreadyQueued") =>
        summaries.reduce((sum, summary) => sum + summary[key], 0);
      process.stdout.write(
        `${summaries.length} files: ${plural(total("entriesAdded"), "entry", "entries")} added, ${total("alreadyQueued")} already spooled\n`,
      );
    }
    if (flags.strict && mismatched > 0) throw new SilentError(1);
  }
}

function describe(summary: BackfillSummary): string {
  return `${summary.file}: scanned ${plural(summary.linesScanned, "line", "lines")}; ${plural(summary.entriesAdded, "entry", "entries")} added, ${summary.alreadyQueued} already spooled in ${summary.parsedPath}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
