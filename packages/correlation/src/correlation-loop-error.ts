/** Thrown when a store's answers never satisfy the evaluation (a store bug, never input). */
export class CorrelationLoopError extends Error {
  override readonly name = "CorrelationLoopError";
}
