import { Flags } from "@oclif/core";
import { SilentError } from "@spoor/errors";
import { BaseCommand } from "../base-command.js";
import { ROOT_DESCRIPTION } from "../flags.js";
import { installPaths } from "../services/install/install-paths.js";
import { PromptInterruptedError } from "../services/prompts/prompt-interrupted-error.js";
import { createPrompter } from "../services/prompts/prompts.js";
import { uninstall } from "../services/uninstall/uninstall.js";
import { formatUninstallResult } from "../services/uninstall/uninstall-report.js";

/** `spoor uninstall`: the reverse of `spoor install`. */
export default class Uninstall extends BaseCommand {
  static override summary = "Remove spoor's units and hook (the config and spool are kept).";
  static override description =
    "Remove spoor's systemd units and cPanel hook script. The config and the spool are kept unless --purge.";
  static override flags = {
    root: Flags.string({ description: ROOT_DESCRIPTION, default: "/" }),
    purge: Flags.boolean({
      description: "also remove /etc/spoor (config, credentials) and /var/lib/spoor (every entry)",
      default: false,
    }),
    now: Flags.boolean({
      description:
        "stop and disable the units and unregister the hook now, instead of printing how",
      default: false,
    }),
    yes: Flags.boolean({ char: "y", description: "do not ask for confirmation", default: false }),
    "non-interactive": Flags.boolean({ description: "same as --yes", default: false }),
  };
  static override examples = [
    "<%= config.bin %> uninstall --now",
    "<%= config.bin %> uninstall --now --purge --yes",
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(Uninstall);
    if (!flags.yes && !flags["non-interactive"]) await confirm(flags.root, flags.purge);
    const result = await uninstall({ root: flags.root, purge: flags.purge, now: flags.now });
    process.stdout.write(formatUninstallResult(result));
    if (result.stepResults?.some((step) => step.exitCode !== 0)) throw new SilentError(1);
  }
}

async function confirm(root: string, purge: boolean): Promise<void> {
  const { root: base, configDirectory, stateDirectory } = installPaths(root);
  const what = purge
    ? `spoor's units, hook script, ${configDirectory} and ${stateDirectory} (every spooled entry)`
    : "spoor's units and hook script (the config and the spool are kept)";
  const prompter = createPrompter(process.stdin, process.stdout);
  try {
    const answer = await prompter.ask(`Remove ${what} under ${base}? [y/N]`, {
      validate: (value) => (/^(y|yes|n|no|)$/i.test(value) ? undefined : "answer y or n"),
    });
    if (!/^y/i.test(answer)) {
      process.stdout.write("Nothing removed.\n");
      throw new SilentError(1);
    }
  } catch (error) {
    if (error instanceof PromptInterruptedError) throw new SilentError(130);
    throw error;
  } finally {
    prompter.close();
  }
}
