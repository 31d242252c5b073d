import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { UserFacingError } from "@spoor/config";

/** Asks questions on a terminal or a pipe. */
export interface Prompter {
  /**
   * Asks until `validate` accepts the answer; an empty answer takes `fallback` (shown in
   * brackets) when there is one.
   * @throws UserFacingError when the input ends first; PromptInterruptedError on Ctrl-C.
   */
  ask(question: string, options?: AskOptions): Promise<string>;
  /**
   * Asks for a secret without echoing it: on a terminal each character shows as `*`; from a
   * pipe nothing is echoed anyway. An empty answer returns undefined when `keepHint` is set
   * (shown in brackets instead of the value).
   * @throws like {@link Prompter.ask}.
   */
  askSecret(question: string, options?: SecretOptions): Promise<string | undefined>;
  /** Releases the input. Never throws. */
  close(): void;
}

/** Options of {@link Prompter.ask}. */
export interface AskOptions {
  fallback?: string;
  validate?: (answer: string) => string | undefined;
}

/** Options of {@link Prompter.askSecret}. */
export interface SecretOptions {
  keepHint?: string;
  validate?: (answer: string) => string | undefined;
}

/** The user pressed Ctrl-C at a prompt. */
export class PromptInterruptedError extends Error {
  override name = "PromptInterruptedError";
}

type TerminalInput = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** A prompter reading `input` (a TTY gets masked secrets) and writing to `output`. */
export function createPrompter(input: TerminalInput, output: Writable): Prompter {
  const lines = input.isTTY === true ? undefined : new LineQueue(input);
  const terminal = lines === undefined ? new TerminalReader(input, output) : undefined;
  const read = async (prompt: string, mask: boolean): Promise<string> => {
    if (terminal !== undefined) return terminal.read(prompt, mask);
    output.write(prompt);
    return lines!.next();
  };
  const readLine = (prompt: string) => read(prompt, false);
  const readSecret = (prompt: string) => read(prompt, true);
  return {
    async ask(question, options = {}) {
      const suffix = options.fallback === undefined ? "" : ` [${options.fallback}]`;
      for (;;) {
        const raw = (await readLine(`${question}${suffix}: `)).trim();
        const answer = raw === "" && options.fallback !== undefined ? options.fallback : raw;
        const problem = options.validate?.(answer);
        if (problem === undefined) return answer;
        output.write(`  ${problem}\n`);
      }
    },
    async askSecret(question, options = {}) {
      const suffix = options.keepHint === undefined ? "" : ` [${options.keepHint}]`;
      for (;;) {
        const answer = await readSecret(`${question}${suffix}: `);
        if (answer === "" && options.keepHint !== undefined) return undefined;
        const problem = options.validate?.(answer);
        if (problem === undefined) return answer;
        output.write(`  ${problem}\n`);
      }
    },
    close() {
      lines?.close();
    },
  };
}

/** Lines of a non-terminal input, handed out one per call. */
class LineQueue {
  private readonly reader: Interface;
  private readonly buffered: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  private ended = false;

  constructor(input: Readable) {
    this.reader = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    this.reader.on("line", (line) => {
      if (this.waiting === undefined) return void this.buffered.push(line);
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(line);
    });
    this.reader.on("close", () => {
      this.ended = true;
      this.waiting?.reject(endOfInput());
      this.waiting = undefined;
    });
  }

  next(): Promise<string> {
    const line = this.buffered.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.reject(endOfInput());
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  close(): void {
    this.reader.close();
  }
}

function endOfInput(): UserFacingError {
  return new UserFacingError(
    "The input ended before every question was answered.",
    "answer every prompt, or use --non-interactive with flags",
  );
}

/**
 * Reads lines from a terminal in raw mode, echoing each character (or `*` when masked);
 * backspace and Ctrl-U edit, escape sequences (arrow keys) are ignored, Ctrl-C interrupts,
 * Ctrl-D on an empty line ends the input. Nothing else listens to the terminal meanwhile,
 * so a masked answer is never echoed. Characters typed (or pasted) after a line's end are
 * kept for the next question.
 */
class TerminalReader {
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
              character === "\u0003" ? new PromptInterruptedError("interrupted") : endOfInput(),
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
