import type { FollowerNotice } from "./notice.js";

/** A failure worth a notice and a slow retry. */
export type Problem =
  | { kind: "refused"; reason: "symlink" | "not-a-file" | "foreign-owner" }
  | { kind: "error"; code: string; message: string };

type Operation = "open" | "stat" | "read" | "watch";

/**
 * Delivers notices (a throwing listener is ignored) and reports a lasting problem once:
 * the same problem again stays quiet, and a step without any problem after one emits
 * `recovered`.
 */
export class Notifier {
  private failing: string | undefined;
  private troubled = false;

  constructor(private readonly listener: ((notice: FollowerNotice) => void) | undefined) {}

  /** Whether the current step met a problem. */
  get inTrouble(): boolean {
    return this.troubled;
  }

  /** Delivers a notice to the listener, if any. */
  emit(notice: FollowerNotice): void {
    try {
      this.listener?.(notice);
    } catch {
      // A logging callback must not stop the follower.
    }
  }

  /** Reports a problem with `path` during `op`. */
  problem(path: string, op: Operation, problem: Problem): void {
    this.troubled = true;
    const key = `${path}\0${op}\0${problem.kind === "refused" ? problem.reason : problem.code}`;
    if (key === this.failing) return;
    this.failing = key;
    this.emit(
      problem.kind === "refused"
        ? { kind: "refused", path, reason: problem.reason }
        : { kind: "error", path, op, code: problem.code, message: problem.message },
    );
  }

  /** Reports a thrown file-system error. */
  thrown(path: string, op: Operation, error: unknown): void {
    const err = error as NodeJS.ErrnoException;
    this.problem(path, op, {
      kind: "error",
      code: err.code ?? "UNKNOWN",
      message: err.message ?? String(error),
    });
  }

  /** Starts a step. */
  begin(): void {
    this.troubled = false;
  }

  /** Ends a step: emits `recovered` if it went well after a problem. */
  end(path: string): void {
    if (this.troubled || this.failing === undefined) return;
    this.failing = undefined;
    this.emit({ kind: "recovered", path });
  }
}
