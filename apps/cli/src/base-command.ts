import { Command } from "@oclif/core";
import { describeError } from "./errors/describe-error.js";

/**
 * The base of every `spoor` command: turns a failure into one of the three error kinds
 * (user-fixable, bug, silent; see `describeError`) instead of oclif's default rendering.
 */
export abstract class BaseCommand extends Command {
  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    const bugsUrl = (this.config.pjson as { bugs?: { url?: string } }).bugs?.url;
    const report = describeError(error, { version: this.config.version, bugsUrl });
    if (!report) throw error;
    if (report.text) process.stderr.write(report.text);
    return this.exit(report.exitCode);
  }
}
