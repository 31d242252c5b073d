/** The reader of our output went away (for example `spoor parse … | head`). */
export class BrokenPipeError extends Error {
  override name = "BrokenPipeError";
}
