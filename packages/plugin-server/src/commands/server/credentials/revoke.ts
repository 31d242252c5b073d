import { Args } from "@oclif/core";
import { ServerCommand } from "../../../base-command.js";
import { openCredentials } from "../../../open-credentials.js";
import { configFlag, dbFlag } from "../../../server-flags.js";

/** `spoor server credentials revoke NAME`: refused at once by a running server. */
export default class CredentialsRevoke extends ServerCommand {
  static override summary =
    "Revoke an API credential (a running server refuses it from the next request).";
  static override description =
    "Revoke an API credential (a running server refuses it from the next request).";
  static override args = { name: Args.string({ required: true }) };
  static override flags = { db: dbFlag, config: configFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(CredentialsRevoke);
    const credentials = await openCredentials(flags);
    try {
      if (!(await credentials.store.revoke(args.name))) {
        process.stderr.write(
          `Error: no active credential named ${args.name}\nFix: spoor server credentials list\n`,
        );
        this.exit(1);
      }
      process.stdout.write(`revoked ${args.name}\n`);
    } finally {
      await credentials.close();
    }
  }
}
