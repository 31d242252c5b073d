import type { Readable, Writable } from "node:stream";
import { inputEnded } from "./prompt-input-ended.js";
import { PromptInterruptedError } from "./prompt-interrupted-error.js";

/** A terminal stream: a Readable that may switch to raw mode. */
export type TerminalInput = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * Reads lines from a terminal in raw mode, echoing each character (or `*` when masked);
 * backspace and Ctrl-U edit, escape sequences (arrow keys) are ignored, Ctrl-C interrupts,
 * Ctrl-D on an empty line ends the input. Nothing else listens to the terminal meanwhile,
 * so a masked answer is never echoed. Characters typed (or pasted) after a line's end are
 * kept for the next question.
 */
export class TerminalReader {
  private pending: string[] = [];

  constructor(
    private readonly input: TerminalInput,
    private readonly output: Writable,
  ) {}

  /** Writes `prompt` once raw mode is on (so nothing typed ahead is echoed) and reads a line. */
  read(prompt: string, mask: boolean): Promise<string> {
    const { input, output } = this;
    return new Promise((resolve, reject) => {
      let answer = "";
      let finished = false;
      const finish = (error?: Error): void => {
        finished = true;
        input.removeListener("data", onData);
        input.setRawMode?.(false);
        input.pause();
        output.write("\n");
        if (error === undefined) resolve(answer);
        else reject(error);
      };
      const feed = (characters: string[]): void => {
        for (const [index, character] of characters.entries()) {
          if (character === "\r" || character === "\n") {
            this.pending = characters.slice(index + 1);
            finish();
            return;
          }
          if (character === "\u0003" || (character === "\u0004" && answer === "")) {
            finish(
              character === "\u0003" ? new PromptInterruptedError("interrupted") : inputEnded(),
            );
            return;
          }
          if (character === "\u007f" || character === "\b") {
            if (answer === "") continue;
            answer = [...answer].slice(0, -1).join("");
            output.write("\b \b");
          } else if (character === "\u0015") {
            output.write("\b \b".repeat([...answer].length));
            answer = "";
          } else if (character >= " ") {
            answer += character;
            output.write(mask ? "*" : character);
          }
        }
      };
      const onData = (chunk: Buffer | string): void => {
        const text = chunk.toString();
        if (!text.startsWith("\u001b")) feed([...text]); // ignore arrow keys and the like
      };
      input.setRawMode?.(true);
      output.write(prompt);
      const pending = this.pending;
      this.pending = [];
      feed(pending);
      if (finished) return;
      input.on("data", onData);
      input.resume();
    });
  }
}
