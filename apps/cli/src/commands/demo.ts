import { SilentError } from "@spoor/errors";
import { BaseCommand } from "../base-command.js";
import { runDemo } from "../services/demo/demo.js";

/** `spoor demo`: the whole pipeline on a throw-away cPanel server (contract §7). */
export default class Demo extends BaseCommand {
  static override summary = "See spoor work end to end on a throw-away cPanel server.";
  static override description =
    "Run the whole pipeline on a throw-away cPanel server: the spoor server in memory with a local webhook, spoor installed into a temp root, " +
    "the agent, and a replay of real cPanel traffic with a webmail login from a new address and a forwarder added and removed. " +
    "Prints what reached the server, the alert the takeover raised and the notification the webhook received, then stops everything and removes the temp root.";
  static override examples = ["<%= config.bin %> demo", "pnpm demo"];

  async run(): Promise<void> {
    await this.parse(Demo);
    const controller = new AbortController();
    const interrupt = (): void => controller.abort();
    process.once("SIGINT", interrupt);
    process.once("SIGTERM", interrupt);
    let step = 0;
    try {
      const result = await runDemo({
        signal: controller.signal,
        onStep: (line) => {
          step += 1;
          process.stdout.write(`${String(step).padStart(2)}. ${line}\n`);
        },
      });
      process.stdout.write(
        `\n${result.table}\n${result.ending.join("\n")}\n\nDone in ${(result.elapsedMs / 1000).toFixed(1)} s.\n`,
      );
    } catch (error) {
      if (controller.signal.aborted) {
        process.stderr.write(
          "Interrupted: every child process was stopped and the temp root removed.\n",
        );
        throw new SilentError(130);
      }
      throw error;
    } finally {
      process.removeListener("SIGINT", interrupt);
      process.removeListener("SIGTERM", interrupt);
    }
  }
}
