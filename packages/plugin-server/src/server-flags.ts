import { Flags } from "@oclif/core";

/** `--db`, shared by the commands that open the database. */
export const dbFlag = Flags.string({
  description:
    "database: sqlite:PATH, :memory: or postgres://USER@HOST:PORT/DB (default: the database: of --config, else sqlite:/var/lib/spoor-server/spoor.sqlite)",
});

/** `--config`, whose `database:` those commands use when `--db` is not given. */
export const configFlag = Flags.string({
  description:
    "server.yml whose database: is used without --db (default /etc/spoor/server.yml when it exists)",
});
