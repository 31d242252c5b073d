/** `spoor-server`: the self-hosted Spoor service (systemd unit spoor-server). */
import { runServerCli } from "@spoor/server";
import { startHeapTrim } from "./heap-trim.js";

const heapTrim = startHeapTrim();
const code = await runServerCli(process.argv.slice(2));
heapTrim?.stop();
process.exit(code);
