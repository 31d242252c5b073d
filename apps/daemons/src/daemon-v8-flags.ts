import { setFlagsFromString } from "node:v8";
import { DAEMON_V8_FLAGS } from "@spoor/agent/launch";

/**
 * Sets `DAEMON_V8_FLAGS` (`@spoor/agent/launch`, where they are explained) in this process.
 * Never throws.
 */
export function applyDaemonV8Flags(): void {
  for (const flag of DAEMON_V8_FLAGS) setFlagsFromString(flag);
}
