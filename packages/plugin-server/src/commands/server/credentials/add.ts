import { Args, Flags } from "@oclif/core";
import { ServerCommand } from "../../../base-command.js";
import { openCredentials } from "../../../open-credentials.js";
import { configFlag, dbFlag } from "../../../server-flags.js";

/** `spoor server credentials add NAME --role R [--hosts GLOB]`. */
export default class CredentialsAdd extends ServerCommand {
  static override description =
    'Create an API credential; prints {"api_identifier":…,"api_secret":…} once (only a slow hash is stored).';
  static override args = {
    name: Args.string({ required: true, description: "credential name (a reporter's host name)" }),
  };
  static override flags = {
    role: Flags.option({ options: ["reporter", "analyst"] as const, required: true })(),
    hosts: Flags.string({
      description: "hosts a reporter may report and read (glob; default: NAME)",
    }),
    db: dbFlag,
    config: configFlag,
  };
  static override examples = [
    "<%= config.bin %> server credentials add web1.example.net --role reporter",
    "<%= config.bin %> server credentials add abuse-desk --role analyst",
  ];

  async run(): Promise<void> {
    const { args, flags } = await this.parse(CredentialsAdd);
    const credentials = await openCredentials(flags);
    try {
      const created = await credentials.store.add(args.name, flags.role, flags.hosts);
      process.stdout.write(`${JSON.stringify(created)}\n`);
    } finally {
      await credentials.close();
    }
  }
}
