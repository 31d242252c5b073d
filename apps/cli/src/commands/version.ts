import { BaseCommand } from "../base-command.js";

/** `spoor version`: what `spoor --version` (and `-v`) prints. */
export default class Version extends BaseCommand {
  static override summary = "Print the version of spoor, the platform and Node.js.";
  static override examples = ["<%= config.bin %> version"];

  async run(): Promise<void> {
    process.stdout.write(`${this.config.userAgent}\n`);
  }
}
