import { Flags } from "@oclif/core";
import { SilentError } from "@spoor/errors";
import { BaseCommand } from "../base-command.js";
import { configFlags, jsonFlag } from "../flags.js";
import { renderStatus } from "../output/render-status.js";
import { status } from "../services/status.js";

/** `spoor status`: what the running agent last wrote to its state directory. */
export default class Status extends BaseCommand {
  static override summary = "Show what the running agent is doing.";
  static override description =
    "Reads the status the agent rewrites every few seconds in its state directory: per follower the log, position, size and lag; " +
    "the queue's depth and oldest entry; the last delivery and the last error; and whether the agent process is alive. " +
    "Exits 1 when no agent is running.";
  static override flags = {
    ...configFlags,
    ...jsonFlag,
    output: Flags.option({
      description: "output format (--output json is --json)",
      options: ["text", "json"] as const,
      default: "text" as const,
    })(),
  };
  static override examples = ["<%= config.bin %> status", "<%= config.bin %> status --json"];

  async run(): Promise<void> {
    const { flags } = await this.parse(Status);
    const report = await status({ configPath: flags.config, root: flags.root });
    const json = flags.json || flags.output === "json";
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report));
    if (!report.alive) throw new SilentError(1);
  }
}
