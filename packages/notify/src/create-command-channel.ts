import { spawn } from "node:child_process";
import { buildAlertDocument } from "./build-alert-document.js";
import { type CommandChannelConfig, channelLimits } from "./channel-config.js";
import { checkExecutable } from "./check-executable.js";
import { formatMessageText } from "./format-message-text.js";
import { NotifyDeliveryError } from "./notify-delivery-error.js";
import type { NotifyChannel } from "./notify-message.js";

const SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

interface Outcome {
  code: number | null;
  signal: string | null;
  outputBytes: number;
  error?: string;
}

function run(
  config: CommandChannelConfig,
  input: Buffer,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
) {
  return new Promise<Outcome & { timedOut: boolean }>((resolve) => {
    const child = spawn(config.path, config.args, {
      cwd: "/",
      env,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let outputBytes = 0;
    let timedOut = false;
    let spawnError: string | undefined;
    const kill = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, config.timeout_ms);
    signal.addEventListener("abort", kill, { once: true });
    // Output is counted and dropped: it may echo attacker text, so it is never logged.
    const count = (chunk: Buffer) => {
      outputBytes += chunk.length;
    };
    child.stdout.on("data", count);
    child.stderr.on("data", count);
    child.stdin.on("error", () => {});
    child.stdin.end(input);
    let settled = false;
    const finish = (code: number | null, exitSignal: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", kill);
      const error = spawnError ? { error: spawnError } : {};
      resolve({ code, signal: exitSignal, outputBytes, timedOut, ...error });
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      spawnError = error.code ?? error.message;
      if (child.pid === undefined) finish(null, null);
    });
    child.on("close", finish);
    // A descendant that left the group may hold stdout open: stop waiting for it.
    child.on("exit", (code, exitSignal) => {
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, exitSignal);
      }, 1000).unref();
    });
  });
}

/**
 * A command channel: runs `path` with `args` (no shell, cwd `/`, its own process group, an
 * environment of only `PATH`, `SPOOR_DELIVERY_ID` and `SPOOR_REASON`) with the alert
 * document as JSON on stdin. Exit 0 is delivered; any other exit, a signal or the timeout
 * (the whole group is killed) is retryable. Its output is counted, never kept or logged.
 *
 * @throws NotifyConfigError when the executable is missing or unsafe (see checkExecutable)
 */
export function createCommandChannel(config: CommandChannelConfig): NotifyChannel {
  checkExecutable(config.name, config.path);
  return {
    ...channelLimits(config),
    async send(message, context) {
      const text = formatMessageText(message, context.publicUrl);
      const input = Buffer.from(
        `${JSON.stringify(buildAlertDocument(message, text, context.publicUrl))}\n`,
      );
      const env = {
        PATH: SAFE_PATH,
        SPOOR_DELIVERY_ID: message.delivery_id,
        SPOOR_REASON: message.kind === "alert" ? message.reason : "digest",
      };
      const outcome = await run(config, input, env, context.signal);
      if (outcome.code === 0 && !outcome.timedOut) return;
      const how = outcome.error
        ? `could not start (${outcome.error})`
        : outcome.timedOut
          ? `killed after ${config.timeout_ms} ms`
          : outcome.signal
            ? `killed by ${outcome.signal}`
            : `exit code ${outcome.code}`;
      throw new NotifyDeliveryError(
        config.name,
        `command ${how}, ${outcome.outputBytes} bytes of output`,
        false,
      );
    },
    async close() {},
  };
}
