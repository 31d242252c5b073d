import { Flags } from "@oclif/core";
import { BaseCommand } from "../base-command.js";
import { configFlags } from "../flags.js";
import { transmit } from "../services/transmit.js";

/** `spoor transmit`: the transmitter (the original's spoor_entry_transmitter). */
export default class Transmit extends BaseCommand {
  static override summary = "Send the spooled entries to the Spoor API.";
  static override description =
    "Send the spooled entries to the Spoor API until SIGTERM/SIGINT (JSON log lines on stderr).";
  static override flags = {
    ...configFlags,
    "dry-run": Flags.boolean({
      description:
        "print the exact requests that would be sent (secret masked); send and move nothing",
      default: false,
    }),
    once: Flags.boolean({
      description:
        "try each queued entry once, then exit: 0 only if every one was delivered, 1 otherwise (no retries; stops early when the API cannot be reached)",
      default: false,
    }),
  };
  static override examples = [
    "<%= config.bin %> transmit --config /etc/spoor/spoor.yml",
    "<%= config.bin %> transmit --dry-run",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(Transmit);
    await transmit({
      configPath: flags.config,
      root: flags.root,
      dryRun: flags["dry-run"],
      once: flags.once,
      out: process.stdout,
    });
  }
}
