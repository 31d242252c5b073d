import { Flags } from "@oclif/core";

/** `--config` and `--root`, shared by every `spoor spool …` command. */
export const spoolFlags = {
  config: Flags.string({
    description: "path of spoor.yml (default /etc/spoor/spoor.yml, under --root)",
  }),
  root: Flags.string({
    description:
      "the system root spoor's paths are under (default /; another directory is a self-contained sandbox for tests and staging)",
  }),
};
