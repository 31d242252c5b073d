export { type DaemonContext, daemonMain, EXIT_USAGE } from "./daemon-main.js";
export { applyDaemonV8Flags } from "./daemon-v8-flags.js";
export { type HeapTrimOptions, startHeapTrim } from "./heap-trim.js";
