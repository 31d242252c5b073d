import type { Writable } from "node:stream";
import { LineQueue } from "./line-queue.js";
import { type TerminalInput, TerminalReader } from "./terminal-reader.js";

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
