import { appendFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LOG_TYPES, type LogType, type SpoorConfig } from "@spoor/config";
import { createCheckpointStore } from "@spoor/follower";
import type { ChildGroup } from "./child-processes.js";
import { retimeLine, splitLines } from "./demo-replay.js";

/** A throw-away cPanel server's files under a root, as the demo plays them. */
export interface DemoServer {
  /**
   * Creates the logs with `history` (timestamps moved to now) and cpanel.config with
   * "Log successful logins" on. @throws fs errors.
   */
  create(history: Record<LogType, Buffer[]>): Promise<void>;
  /**
   * Records each log's current end as its follower's checkpoint, as if the agent had been
   * following since the history was written (a never-seen log is followed from its end, and
   * this makes where that end is independent of when the agent starts). @throws CheckpointError
   */
  markFollowed(config: SpoorConfig): Promise<void>;
  /** Appends lines to a log, timestamps moved to now. @throws fs errors. */
  append(type: LogType, lines: readonly Buffer[]): Promise<void>;
  /** Appends the lines of a crafted file `*.<type>_log` to that log, timestamps moved to now.
   *  @throws Error for another file name; fs errors. */
  appendFile(path: string): Promise<void>;
  /**
   * Feeds a hook payload to the installed hook script as cPanel would (stdin, then EOF).
   * @throws Error when the hook does not exit 0.
   */
  runHook(
    group: ChildGroup,
    hookPath: string,
    configPath: string,
    payloadPath: string,
  ): Promise<void>;
}

/** The demo server under `root`. Never throws. */
export function demoServer(root: string): DemoServer {
  const logDirectory = join(root, "usr/local/cpanel/logs");
  const logPath = (type: LogType) => join(logDirectory, `${type}_log`);
  const retimed = (type: LogType, lines: readonly Buffer[]) => {
    const now = new Date();
    return Buffer.concat(lines.map((line) => retimeLine(type, line, now)));
  };
  return {
    async create(history) {
      await mkdir(logDirectory, { recursive: true, mode: 0o755 });
      for (const type of LOG_TYPES) {
        await writeFile(logPath(type), retimed(type, history[type]), { mode: 0o600 });
      }
      await mkdir(join(root, "var/cpanel"), { recursive: true, mode: 0o755 });
      await writeFile(join(root, "var/cpanel/cpanel.config"), "log_successful_logins=1\n", {
        mode: 0o644,
      });
    },
    async markFollowed(config) {
      const store = createCheckpointStore(config.application.state_path);
      for (const type of LOG_TYPES) {
        const path = config.followers[type]?.name;
        if (path === undefined) continue;
        const { dev, ino, size } = await stat(path);
        await store.save(type, {
          path,
          dev,
          ino,
          offset: size,
          updatedAt: new Date().toISOString(),
        });
      }
    },
    async append(type, lines) {
      await appendFile(logPath(type), retimed(type, lines));
    },
    async appendFile(path) {
      const type = /\.(access|error|login|session)_log$/.exec(path)?.[1] as LogType | undefined;
      if (type === undefined) throw new Error(`${path}: not a *.<type>_log file`);
      await this.append(type, splitLines(await readFile(path)));
    },
    async runHook(group, hookPath, configPath, payloadPath) {
      const hook = group.start("hook", [hookPath, "--config", configPath]);
      hook.process.stdin?.end(await readFile(payloadPath));
      const ended = await hook.exited;
      if (ended !== 0) {
        throw new Error(`the hook script exited ${ended}: ${hook.stderrTail().join(" | ")}`);
      }
    },
  };
}
