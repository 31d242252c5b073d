/** First import of every daemon bin: applies the daemons' V8 flags before spoor loads. */
import { applyDaemonV8Flags } from "./daemon-v8-flags.js";

applyDaemonV8Flags();
