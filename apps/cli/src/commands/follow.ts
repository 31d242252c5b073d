import { Args } from "@oclif/core";
import { BaseCommand } from "../base-command.js";
import { configFlags } from "../flags.js";
import { follow } from "../services/follow.js";

/** `spoor follow TYPE`: one follower (the original's spoor_log_follower). */
export default class Follow extends BaseCommand {
  static override summary = "Follow one cPanel log and spool its interesting events.";
  static override description =
    "Follow one cPanel log and spool its interesting events until SIGTERM/SIGINT (JSON log lines on stderr).";
  static override args = {
    type: Args.string({
      ignoreStdin: true,
      description: "access, error, login or session",
      required: true,
    }),
  };
  static override flags = configFlags;
  static override examples = ["<%= config.bin %> follow login --config /etc/spoor/spoor.yml"];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Follow);
    await follow({ type: args.type, configPath: flags.config, root: flags.root });
  }
}
