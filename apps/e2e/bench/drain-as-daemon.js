// The transmitter's drain rate as the units run it: `packages/agent`'s drain benchmark in a
// child process started with the daemons' Node flags, V8 flags and environment
// (`@spoor/agent/launch`), which trade a little speed for memory.
//   node bench/drain-as-daemon.js [ENTRIES]     (after `turbo run build`; pnpm bench runs it)
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DAEMON_ENVIRONMENT, DAEMON_NODE_FLAGS, DAEMON_V8_FLAGS } from "@spoor/agent/launch";

const drainBench = fileURLToPath(
  new URL("../../../packages/agent/bench/drain-bench.js", import.meta.url),
);
const child = spawn(
  process.execPath,
  [...DAEMON_NODE_FLAGS, ...DAEMON_V8_FLAGS, drainBench, ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, ...DAEMON_ENVIRONMENT } },
);
child.once("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
