import { UserFacingError } from "@spoor/config";

/** The error for an input that ended before every question was answered. Never throws. */
export function inputEnded(): UserFacingError {
  return new UserFacingError(
    "The input ended before every question was answered.",
    "answer every prompt, or use --non-interactive with flags",
  );
}
