import { BaseCommand } from "../base-command.js";
import { configFlags } from "../flags.js";
import { agent } from "../services/agent.js";

/** `spoor agent`: followers and transmitter in one foreground process (contract §5). */
export default class Agent extends BaseCommand {
  static override summary = "Run every follower and the transmitter in the foreground.";
  static override description =
    "Run every configured follower and the transmitter in the foreground until SIGTERM/SIGINT (JSON log lines on stderr).";
  static override flags = configFlags;
  static override examples = ["<%= config.bin %> agent --config /etc/spoor/spoor.yml"];

  async run(): Promise<void> {
    const { flags } = await this.parse(Agent);
    await agent({ configPath: flags.config, root: flags.root });
  }
}
