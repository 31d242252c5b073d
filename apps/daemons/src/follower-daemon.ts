import { createSpoolFromConfig, runFollowerPipeline } from "@spoor/agent";
import type { LogType } from "@spoor/config";
import type { DaemonContext } from "./daemon-main.js";

/** The body of `spoor-TYPE-follower`: one follower pipeline into the file spool. */
export function followerDaemon(type: LogType): (context: DaemonContext) => Promise<void> {
  return ({ config, logger, signal }) =>
    runFollowerPipeline({ type, config, spool: createSpoolFromConfig(config), logger, signal });
}
