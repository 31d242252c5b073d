import { Args, Flags } from "@oclif/core";
import { SpoolCommand } from "../../base-command.js";
import { spoolRetry } from "../../services/spool-retry.js";
import { spoolFlags } from "../../spool-flags.js";

/** `spoor spool retry NAME|--all`: re-queue failed entries. */
export default class SpoolRetry extends SpoolCommand {
  static override summary = "Queue entries the API refused again.";
  static override description =
    "Move failed entries back into the queue so the transmitter sends them again.";
  static override usage = "<%= command.id %> NAME | --all [--config PATH] [--root DIR]";
  static override args = {
    name: Args.string({
      ignoreStdin: true,
      description: "a file name from spoor spool list --queue failed",
    }),
  };
  static override flags = {
    ...spoolFlags,
    all: Flags.boolean({ description: "every failed entry (instead of NAME)", default: false }),
  };
  static override examples = [
    "<%= config.bin %> spool retry login.1537372956.0412345.json",
    "<%= config.bin %> spool retry --all",
  ];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(SpoolRetry);
    const names = await spoolRetry({
      configPath: flags.config,
      root: flags.root,
      name: args.name,
      all: flags.all,
    });
    for (const name of names) process.stdout.write(`requeued ${name}\n`);
    process.stdout.write(`${names.length} ${names.length === 1 ? "entry" : "entries"} requeued\n`);
  }
}
