import { Flags } from "@oclif/core";
import type { LogType } from "@spoor/config";
import { SilentError, UsageError } from "@spoor/errors";
import { BaseCommand } from "../base-command.js";
import { ROOT_DESCRIPTION } from "../flags.js";
import { readExistingConfig } from "../services/install/existing-config.js";
import { install } from "../services/install/install.js";
import type { ConfigChoices } from "../services/install/install-config.js";
import {
  hostProblem,
  identifierProblem,
  logPathProblem,
  secretProblem,
} from "../services/install/install-input.js";
import { installPaths } from "../services/install/install-paths.js";
import { askInstallChoices } from "../services/install/install-questions.js";
import { formatInstallResult } from "../services/install/install-report.js";
import { PromptInterruptedError } from "../services/prompts/prompt-interrupted-error.js";
import { createPrompter } from "../services/prompts/prompts.js";
import { readSecretInput } from "../services/prompts/read-secret-input.js";
import { UNIT_LAYOUTS, type UnitLayout } from "../services/systemd/systemd-units.js";

const LOG_FLAGS: ReadonlyArray<
  [LogType, "access-log" | "error-log" | "login-log" | "session-log"]
> = [
  ["access", "access-log"],
  ["error", "error-log"],
  ["login", "login-log"],
  ["session", "session-log"],
];

/** `spoor install`: config, directories, systemd units and the cPanel hook. */
export default class Install extends BaseCommand {
  static override summary = "Install spoor: config, spool, systemd units, cPanel hook.";
  static override description =
    "Install spoor: the config (0600), the spool directories (0700), the systemd units and the cPanel hook script. " +
    "Asks for the values unless --non-interactive; prints the remaining steps, or runs them with --enable.";
  static override flags = {
    "non-interactive": Flags.boolean({
      description: "take every value from flags; ask nothing",
      default: false,
    }),
    "api-identifier": Flags.string({ description: "Spoor API identifier" }),
    "api-secret": Flags.string({
      description:
        "Spoor API secret (visible in the process list: prefer SPOOR_API_SECRET or --api-secret-stdin)",
      env: "SPOOR_API_SECRET",
    }),
    "api-secret-stdin": Flags.boolean({
      description: "read the API secret from stdin",
      default: false,
    }),
    "api-host": Flags.string({ description: "Spoor API URL (default https://spoor.capefox.co)" }),
    "access-log": Flags.string({ description: "cPanel access_log path" }),
    "error-log": Flags.string({ description: "cPanel error_log path" }),
    "login-log": Flags.string({ description: "cPanel login_log path" }),
    "session-log": Flags.string({ description: "cPanel session_log path" }),
    root: Flags.string({
      description: ROOT_DESCRIPTION,
      default: "/",
    }),
    layout: Flags.string({
      description:
        "agent: one spoor-agent unit; units: the original's unit per follower plus the transmitter",
      options: [...UNIT_LAYOUTS],
      default: "agent",
    }),
    enable: Flags.boolean({
      description:
        "run the remaining steps (systemctl, manage_hooks, whmapi1) instead of printing them",
      default: false,
    }),
  };
  static override examples = [
    "<%= config.bin %> install",
    'printf %s "$SECRET" | <%= config.bin %> install --non-interactive --api-identifier ID --api-secret-stdin --enable',
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(Install);
    let choices: ConfigChoices;
    if (flags["non-interactive"]) {
      if (secretOnCommandLine()) {
        process.stderr.write(
          "Warning: --api-secret is visible in the process list and shell history; prefer --api-secret-stdin or SPOOR_API_SECRET.\n",
        );
      }
      choices = await choicesFromFlags(flags);
    } else {
      refuseValueFlags(flags);
      choices = await this.ask(flags.root);
    }
    const result = await install({
      root: flags.root,
      layout: flags.layout as UnitLayout,
      choices,
      enable: flags.enable,
    });
    process.stdout.write(formatInstallResult(result));
    if (result.stepResults?.some((step) => step.exitCode !== 0)) throw new SilentError(1);
  }

  private async ask(root: string): Promise<ConfigChoices> {
    const existing = await readExistingConfig(installPaths(root).configPath, root);
    const banner = "Welcome to the Spoor installer";
    process.stdout.write(process.stdout.isTTY ? `\u001b[1;34m${banner}\u001b[0m\n` : `${banner}\n`);
    const prompter = createPrompter(process.stdin, process.stdout);
    try {
      return await askInstallChoices(prompter, existing?.config, root);
    } catch (error) {
      if (error instanceof PromptInterruptedError) throw new SilentError(130);
      throw error;
    } finally {
      prompter.close();
    }
  }
}

function refuseValueFlags(flags: Record<string, unknown>): void {
  const given = [
    "api-identifier",
    "api-secret",
    "api-secret-stdin",
    "api-host",
    ...LOG_FLAGS.map(([, flag]) => flag),
  ].filter((name) => flags[name] !== undefined && flags[name] !== false);
  if (given.length > 0) {
    const what =
      given[0] === "api-secret" && !secretOnCommandLine() ? "SPOOR_API_SECRET" : `--${given[0]}`;
    throw new UsageError(
      `${what} goes with --non-interactive (the interactive installer asks for every value)`,
    );
  }
}

/** Whether the secret was typed as `--api-secret` (visible in ps and shell history). */
function secretOnCommandLine(): boolean {
  return process.argv.some((arg) => arg === "--api-secret" || arg.startsWith("--api-secret="));
}

async function choicesFromFlags(flags: Record<string, unknown>): Promise<ConfigChoices> {
  const choices: ConfigChoices = { logPaths: {} };
  for (const [type, flag] of LOG_FLAGS) {
    const value = flags[flag] as string | undefined;
    if (value === undefined) continue;
    usable(`--${flag}`, logPathProblem(value));
    choices.logPaths![type] = value;
  }
  const identifier = flags["api-identifier"] as string | undefined;
  if (identifier !== undefined)
    choices.apiIdentifier = usable("--api-identifier", identifierProblem(identifier), identifier);
  const host = flags["api-host"] as string | undefined;
  if (host !== undefined) choices.apiHost = usable("--api-host", hostProblem(host), host);
  let secret = flags["api-secret"] as string | undefined;
  if (flags["api-secret-stdin"]) {
    if (secret !== undefined)
      throw new UsageError(
        "give the secret once: --api-secret-stdin, SPOOR_API_SECRET or --api-secret",
      );
    secret = await readSecretInput(process.stdin);
  }
  if (secret !== undefined)
    choices.apiSecret = usable("the API secret", secretProblem(secret), secret);
  return choices;
}

function usable<T>(what: string, problem: string | undefined, value?: T): T {
  if (problem !== undefined) throw new UsageError(`${what}: ${problem}`);
  return value as T;
}
