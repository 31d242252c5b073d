export { type DaemonContext, daemonMain, EXIT_USAGE } from "./daemon-main.js";
