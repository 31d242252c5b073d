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

/** `--output` and `--host` of `spoor report list` and `spoor mailbox-event list`. */
export const recordListFlags = {
  ...configFlags,
  ...jsonFlag,
  output: Flags.option({
    description: "output format",
    options: ["csv", "table", "json"] as const,
    default: "csv" as const,
  })(),
  host: Flags.string({
    description:
      "the reporting host to ask about (default: transmission.reporter, else this machine's hostname)",
  }),
};
