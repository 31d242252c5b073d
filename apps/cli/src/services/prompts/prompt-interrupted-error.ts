/** The user pressed Ctrl-C at a prompt. */
export class PromptInterruptedError extends Error {
  override name = "PromptInterruptedError";
}
