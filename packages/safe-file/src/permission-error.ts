import { UserFacingError } from "@spoor/errors";
import type { PermissionProblem } from "./permission-problem.js";

/** A config file or directory with the wrong owner, mode or type: refused, with the fix. */
export class PermissionError extends UserFacingError {
  /** The path concerned. */
  readonly path: string;
  /** What was found and what was expected. */
  readonly details: PermissionProblem;

  constructor(details: PermissionProblem) {
    super(details.problem, details.fix);
    this.name = "PermissionError";
    this.path = details.path;
    this.details = details;
  }
}
