// `node bench/agent-process.js CONFIG.json`: runs runAgent as `spoor agent` would, for the
// latency benchmark (a separate process, so the load generator does not share its loop).
import { readFile } from "node:fs/promises";
import { createLogger, runAgent, runUntilSignalled } from "../dist/index.js";

const config = JSON.parse(await readFile(process.argv[2], "utf8"));
const logger = createLogger({ level: "info" });
await runUntilSignalled((signal) => runAgent({ config, logger, signal }), { logger });
