import { Flags } from "@oclif/core";

/** What `--root` means, said the same way by every command. */
export const ROOT_DESCRIPTION =
  "the system root spoor's paths are under (default /; another directory is a self-contained sandbox for tests and staging)";

/** `--config` and `--root`, for every command that reads configuration (contract §4). */
export const configFlags = {
  config: Flags.string({
    description: "path of spoor.yml (default /etc/spoor/spoor.yml, under --root)",
  }),
  root: Flags.string({ description: ROOT_DESCRIPTION }),
};

/** oclif's `--json` convention, for a command that also takes `--output json` (its alias). */
export const jsonFlag = {
  json: Flags.boolean({ description: "print JSON (the same as --output json)", default: false }),
};

/** `--api-host` and `--api-identifier` of the read commands (the secret: SPOOR_API_SECRET). */
export const apiAccessFlags = {
  ...configFlags,
  "api-host": Flags.string({
    description: "the Spoor API or spoor server to ask (default: transmission.host)",
    helpValue: "URL",
  }),
  "api-identifier": Flags.string({
    description:
      "read with this credential instead of spoor.yml's; its secret comes from the SPOOR_API_SECRET environment variable",
    helpValue: "ID",
  }),
};

/** `--output` of the list commands. */
export const outputFlag = Flags.option({
  description: "output format",
  options: ["csv", "table", "json"] as const,
  default: "csv" as const,
})();

/** `--output` and `--host` of `spoor report list` and `spoor mailbox-event list`. */
export const recordListFlags = {
  ...apiAccessFlags,
  ...jsonFlag,
  output: outputFlag,
  host: Flags.string({
    description:
      "the reporting host to ask about (default: transmission.reporter, else this machine's hostname)",
  }),
};
