import { Flags } from "@oclif/core";

/** `--db`, shared by the commands that open the database. */
export const dbFlag = Flags.string({
  description:
    "database: sqlite:PATH, :memory: or postgres://USER@HOST:PORT/DB (default sqlite:/var/lib/spoor-server/spoor.sqlite)",
  default: "sqlite:/var/lib/spoor-server/spoor.sqlite",
});
