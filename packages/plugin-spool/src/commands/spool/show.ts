import { Args, Flags } from "@oclif/core";
import { SpoolCommand } from "../../base-command.js";
import { formatShowText } from "../../format-show-text.js";
import { spoolShow } from "../../services/spool-show.js";
import { spoolFlags } from "../../spool-flags.js";

/** `spoor spool show NAME`: one entry and the exact request it is sent as. */
export default class SpoolShow extends SpoolCommand {
  static override summary = "Show one spooled entry and the request it is sent as.";
  static override description =
    "Show one spooled entry and the exact request it is (or was) sent to the Spoor API as (secret masked).";
  static override args = {
    name: Args.string({
      ignoreStdin: true,
      description: "the file name, as spoor spool list prints it",
      required: true,
    }),
  };
  static override flags = {
    ...spoolFlags,
    output: Flags.option({
      options: ["text", "json"] as const,
      default: "text" as const,
      description: "output format",
    })(),
  };
  static override examples = ["<%= config.bin %> spool show login.1537372956.0412345.json"];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(SpoolShow);
    const result = await spoolShow({ configPath: flags.config, root: flags.root, name: args.name });
    process.stdout.write(
      flags.output === "json" ? `${JSON.stringify(result, null, 2)}\n` : formatShowText(result),
    );
  }
}
