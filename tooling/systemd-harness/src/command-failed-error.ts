import type { ProcessResult } from "./run-process.js";

/** A command run inside a container ended with a non-zero status (or a signal). */
export class CommandFailedError extends Error {
  override readonly name = "CommandFailedError";
  /** The command, one word per element. */
  readonly argv: readonly string[];
  readonly result: ProcessResult;

  constructor(argv: readonly string[], result: ProcessResult) {
    const how = result.signal === null ? `exit ${result.code}` : `signal ${result.signal}`;
    const output = [result.stderr.trim(), result.stdout.trim()].filter(Boolean).join("\n");
    super(`${argv.join(" ")} failed (${how})${output === "" ? "" : `:\n${output}`}`);
    this.argv = argv;
    this.result = result;
  }
}
