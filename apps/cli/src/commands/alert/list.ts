import { Flags } from "@oclif/core";
import { ALERT_SEVERITIES, ALERT_STATES, MAX_ALERTS_LIMIT } from "@spoor/api-client";
import { accessFromFlags } from "../../api/access-from-flags.js";
import { BaseCommand } from "../../base-command.js";
import { apiAccessFlags, outputFlag } from "../../flags.js";
import { emptyListNote } from "../../output/empty-list-note.js";
import { renderAlerts } from "../../output/render-alerts.js";
import { alertList } from "../../services/alert-list.js";

/** `spoor alert list`: the alerts a spoor server raised (analyst credential). */
export default class AlertList extends BaseCommand {
  static override summary = "List the alerts a spoor server raised, newest first.";
  static override description =
    "Asks GET /api/alerts of a spoor server with an analyst credential: transmission.analyst_credentials " +
    "of spoor.yml, else transmission.credentials, or --api-identifier with the secret in SPOOR_API_SECRET. " +
    "CSV by default; an empty list prints the header (or [] with --output json) and says so on stderr.";
  static override flags = {
    ...apiAccessFlags,
    "min-severity": Flags.option({
      description: "only alerts of this severity or higher",
      options: ALERT_SEVERITIES,
    })(),
    state: Flags.option({ description: "only alerts in this state", options: ALERT_STATES })(),
    host: Flags.string({ description: "only alerts involving this reporting host" }),
    mailbox: Flags.string({ description: "only alerts involving this mailbox address" }),
    limit: Flags.integer({
      description: `at most this many (server default 100)`,
      min: 1,
      max: MAX_ALERTS_LIMIT,
    }),
    "before-id": Flags.integer({
      description: "only alerts older than this id (the next page)",
      min: 1,
    }),
    output: outputFlag,
  };
  static override examples = [
    "<%= config.bin %> alert list --min-severity high --state open --output table",
    {
      description:
        "From an administrator's machine without spoor.yml (secret in SPOOR_API_SECRET):",
      command:
        "<%= config.bin %> alert list --api-host https://spoor.example.net --api-identifier abuse-desk --output json",
    },
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(AlertList);
    const filters = {
      minSeverity: flags["min-severity"],
      state: flags.state,
      host: flags.host,
      mailbox: flags.mailbox,
      limit: flags.limit,
      beforeId: flags["before-id"],
    };
    const alerts = await alertList({ ...accessFromFlags(flags), ...filters });
    process.stdout.write(renderAlerts(alerts, flags.output));
    if (alerts.length === 0) {
      process.stderr.write(
        emptyListNote("alerts", {
          "min severity": filters.minSeverity,
          state: filters.state,
          host: filters.host,
          mailbox: filters.mailbox,
          "before id": filters.beforeId,
        }),
      );
    }
  }
}
