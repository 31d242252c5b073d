/** `spoor-agent`: every configured follower and the transmitter in one process. */
import { runAgent } from "@spoor/agent";
import { daemonMain } from "./daemon-main.js";

await daemonMain("spoor-agent", ({ config, logger, signal }) =>
  runAgent({ config, logger, signal }),
);
