import { Flags } from "@oclif/core";
import { ServerCommand } from "../base-command.js";
import { loadServer } from "../load-server.js";

/** `spoor server`: runs the Spoor service in the foreground. */
export default class Server extends ServerCommand {
  static override summary = "Run the spoor server (ingest, alerts, notifications, API).";
  static override description =
    "Run the spoor server: prints its base URL on stdout, logs JSON lines on stderr, stops on SIGTERM/SIGINT.";
  static override flags = {
    config: Flags.string({
      description: "server.yml (default /etc/spoor/server.yml when it exists)",
    }),
    db: Flags.string({
      description:
        "database: sqlite:PATH, :memory: or postgres://USER@HOST:PORT/DB (default sqlite:/var/lib/spoor-server/spoor.sqlite)",
    }),
    listen: Flags.string({ description: "HOST:PORT (default 127.0.0.1:8480; port 0 picks one)" }),
    credentials: Flags.string({
      description: "ID:SECRET accepted for every role and host (demo and tests only; repeatable)",
      multiple: true,
    }),
  };
  static override examples = [
    "<%= config.bin %> server",
    "<%= config.bin %> server --db :memory: --listen 127.0.0.1:0 --credentials demo:demo-secret",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(Server);
    const server = await loadServer();
    const credentials = (flags.credentials ?? []).map(server.parseCredentialFlag);
    const code = await server.serveUntilSignalled(
      { configPath: flags.config, database: flags.db, listen: flags.listen, credentials },
      server.createJsonLineLogger(process.stderr),
    );
    process.exit(code);
  }
}
