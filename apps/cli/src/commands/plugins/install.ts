import { Args, Flags } from "@oclif/core";
import { UserFacingError } from "@spoor/config";
import { BaseCommand } from "../../base-command.js";

/**
 * `spoor plugins install`: `@oclif/plugin-plugins`' install, behind an explicit `--trust`.
 * A plugin is code that runs inside every spoor command, as the user running it (root on a
 * cPanel server), next to the API secret; it is installed only when asked for in so many
 * words. (This command takes precedence over the plugin's own: the CLI's commands come first.)
 */
export default class PluginsInstall extends BaseCommand {
  static override summary = "Install a plugin (code that runs as root inside spoor) with --trust.";
  static override description =
    "Installs an npm package as a plugin of this CLI (@oclif/plugin-plugins). The plugin's code runs inside every spoor command, " +
    "as the user running it (root on a cPanel server), with access to the configuration and the API secret, so it is installed " +
    "only with --trust.";
  static override aliases = ["plugins:add"];
  static override strict = false;
  static override args = {
    plugin: Args.string({ description: "the npm package (name[@version])", required: true }),
  };
  static override flags = {
    trust: Flags.boolean({
      description: "install it: you have checked the package and trust its code to run as root",
      default: false,
    }),
    force: Flags.boolean({ description: "passed on to plugins install", default: false }),
    silent: Flags.boolean({ char: "s", description: "passed on to plugins install" }),
    verbose: Flags.boolean({ char: "v", description: "passed on to plugins install" }),
  };
  static override examples = ["<%= config.bin %> plugins install --trust @acme/spoor-plugin@1.2.0"];

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(PluginsInstall);
    const names = (argv as string[]).join(" ");
    const who = process.geteuid?.() === 0 ? "root" : `uid ${process.geteuid?.()}`;
    if (!flags.trust) {
      throw new UserFacingError(
        `${names} was not installed: a plugin is code from npm that would run inside every spoor command as ${who}, with access to spoor's configuration and API secret.`,
        `check what the package is and who publishes it, then: ${this.config.bin} plugins install --trust ${names}`,
      );
    }
    process.stderr.write(
      `Installing ${names} from npm: its code will run inside every ${this.config.bin} command as ${who}.\n`,
    );
    const plugins = this.config.plugins.get("@oclif/plugin-plugins");
    const command = await plugins?.findCommand("plugins:install", { must: true });
    const passOn = this.argv.filter((word) => word !== "--trust");
    await command!.run(passOn, this.config);
  }
}
