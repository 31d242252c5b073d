import { Flags } from "@oclif/core";
import { SilentError } from "@spoor/errors";
import { BaseCommand } from "../base-command.js";
import { jsonFlag, ROOT_DESCRIPTION } from "../flags.js";
import { doctor } from "../services/doctor/doctor.js";
import { formatDoctorReport } from "../services/doctor/doctor-report.js";

/** `spoor doctor`: checks an installation and says how to fix what is wrong. */
export default class Doctor extends BaseCommand {
  static override summary = "Check an installation and say how to fix what is wrong.";
  static override description =
    "Check the installation: config and directory modes, logs, cPanel settings, the hook, the units, the spool and the API. " +
    "Exits 1 when a check fails (warnings alone exit 0).";
  static override flags = {
    config: Flags.string({ description: "the config file (default <root>/etc/spoor/spoor.yml)" }),
    root: Flags.string({ description: ROOT_DESCRIPTION, default: "/" }),
    output: Flags.string({
      description: "report format (--output json is --json)",
      options: ["text", "json"],
      default: "text",
    }),
    ...jsonFlag,
    "skip-api": Flags.boolean({ description: "do not contact the Spoor API", default: false }),
  };
  static override examples = ["<%= config.bin %> doctor", "<%= config.bin %> doctor --output json"];

  async run(): Promise<void> {
    const { flags } = await this.parse(Doctor);
    const report = await doctor({
      root: flags.root,
      ...(flags.config === undefined ? {} : { configPath: flags.config }),
      checkApi: !flags["skip-api"],
    });
    process.stdout.write(
      flags.json || flags.output === "json"
        ? `${JSON.stringify(report, null, 2)}\n`
        : formatDoctorReport(report),
    );
    if (report.verdict === "fail") throw new SilentError(1);
  }
}
