import { Flags } from "@oclif/core";
import { ServerCommand } from "../../base-command.js";
import { installServer } from "../../install-server.js";
import { loadServer } from "../../load-server.js";

/** `spoor server install`: writes spoor-server.service (and a server.yml when missing). */
export default class ServerInstall extends ServerCommand {
  static override summary =
    "Write the hardened systemd unit spoor-server.service, and /etc/spoor/server.yml (0600) when there is none.";
  static override description =
    "Write the hardened systemd unit spoor-server.service, and /etc/spoor/server.yml (0600) when there is none.";
  static override flags = {
    root: Flags.string({ description: "system root to write under (tests, images)", default: "/" }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ServerInstall);
    // The unit runs the server: refuse to write one that cannot start.
    await loadServer();
    const result = await installServer(flags.root);
    process.stdout.write(
      `wrote ${result.unitPath}\n${result.configCreated ? "wrote" : "kept"} ${result.configPath}\n` +
        "next: spoor server credentials add HOSTNAME --role reporter; systemctl daemon-reload; " +
        "systemctl enable --now spoor-server\n",
    );
  }
}
