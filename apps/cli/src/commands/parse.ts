import { Args, Flags } from "@oclif/core";
import { SilentError } from "@spoor/errors";
import { BaseCommand } from "../base-command.js";
import { BrokenPipeError } from "../output/broken-pipe-error.js";
import { createLineWriter } from "../output/line-writer.js";
import { parse } from "../services/parse.js";

/** `spoor parse TYPE [FILE...]`: one JSON object per log line (contract §2). */
export default class Parse extends BaseCommand {
  static override summary = "Parse cPanel log lines into JSON, one object per line.";
  static override description =
    "Parse cPanel log lines into JSON: one object per input line, in input order.";
  static override strict = false;
  static override usage = "<%= command.id %> TYPE [FILE...] [--interesting]";
  static override args = {
    type: Args.string({
      ignoreStdin: true,
      description: "the log the lines come from: access, error, login or session",
      required: true,
    }),
    file: Args.string({ ignoreStdin: true, description: "files to read (stdin when none)" }),
  };
  static override flags = {
    interesting: Flags.boolean({
      description: "print only the entries the agent would spool",
      default: false,
    }),
  };
  static override examples = [
    "<%= config.bin %> parse login /usr/local/cpanel/logs/login_log",
    "tail -n 100 /usr/local/cpanel/logs/access_log | <%= config.bin %> parse access --interesting",
  ];

  async run(): Promise<void> {
    const { args, argv, flags } = await this.parse(Parse);
    const files = argv.filter((value): value is string => typeof value === "string").slice(1);
    const out = createLineWriter(process.stdout);
    try {
      for await (const batch of parse({
        type: args.type,
        files,
        interesting: flags.interesting,
        stdin: process.stdin,
      })) {
        let text = "";
        for (const entry of batch) text += `${JSON.stringify(entry)}\n`;
        await out.write(text);
      }
      await out.flush();
    } catch (error) {
      if (error instanceof BrokenPipeError) throw new SilentError(0);
      await out.flush().catch(() => undefined);
      throw error;
    }
  }
}
