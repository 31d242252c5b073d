import { UserFacingError } from "@spoor/config";

/**
 * The one-line message of an error the user can fix — a `UserFacingError` (its message ends
 * with the fix) or an error shaped like one (a string `fix`, e.g. the API client's
 * configuration error) — or `undefined` for any other error. Never throws.
 */
export function userFacingMessage(error: unknown): string | undefined {
  if (error instanceof UserFacingError) return error.message;
  if (!(error instanceof Error)) return undefined;
  const fix = (error as { fix?: unknown }).fix;
  return typeof fix === "string" ? `${error.message} Fix: ${fix}` : undefined;
}
