import { describeFailure } from "./describe-failure.js";

const MAX_CHARS = 300;

/**
 * Why the hook could not spool, for the diagnostic line in cPanel's error_log: the error's
 * kind and, when it says one, the path and the reason — a user-facing error's `problem`
 * (spoor's own text, which names paths and never a secret), or a file-system error's code,
 * call and path. One line, at most 300 characters. Never throws.
 */
export function describeSpoolFailure(error: unknown): string {
  const kind = describeFailure(error);
  if (typeof error !== "object" || error === null) return kind;
  const { problem, path, syscall } = error as {
    problem?: unknown;
    path?: unknown;
    syscall?: unknown;
  };
  let detail = "";
  if (typeof problem === "string") detail = problem;
  else if (typeof path === "string") {
    detail = `${typeof syscall === "string" ? `${syscall} ` : ""}${path}`;
  }
  const text = detail === "" ? kind : `${kind}: ${detail}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return oneLine.length > MAX_CHARS ? `${oneLine.slice(0, MAX_CHARS - 1)}…` : oneLine;
}
