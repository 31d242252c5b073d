import { Flags } from "@oclif/core";
import { ServerCommand } from "../../../base-command.js";
import { openCredentials } from "../../../open-credentials.js";
import { configFlag, dbFlag } from "../../../server-flags.js";

const iso = (seconds: number | null) =>
  seconds === null ? "" : new Date(seconds * 1000).toISOString();

/** `spoor server credentials list`. */
export default class CredentialsList extends ServerCommand {
  static override summary = "List the API credentials (never their secrets).";
  static override description = "List the API credentials (never their secrets).";
  static override flags = {
    db: dbFlag,
    config: configFlag,
    output: Flags.option({ options: ["table", "json"] as const, default: "table" as const })(),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(CredentialsList);
    const credentials = await openCredentials(flags);
    try {
      const rows = await credentials.store.list();
      if (flags.output === "json") {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const lines = [["NAME", "ROLE", "HOSTS", "CREATED", "REVOKED"]].concat(
        rows.map((r) => [r.name, r.role, r.hosts, iso(r.created_at), iso(r.revoked_at)]),
      );
      const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
      for (const line of lines) {
        process.stdout.write(
          `${line
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join("  ")
            .trimEnd()}\n`,
        );
      }
    } finally {
      await credentials.close();
    }
  }
}
