import { UserFacingError } from "@spoor/config";
import { type ConfigLocation, openSpool } from "../open-spool.js";

/** Options of `spoor spool retry`: one name, or every failed entry. */
export interface SpoolRetryOptions extends ConfigLocation {
  name?: string;
  all: boolean;
}

/**
 * Moves failed entries back into parsed/ (their reasons removed) so the transmitter sends
 * them again; returns the names they have in parsed/.
 * @throws UserFacingError when `name` is not in failed/ (or neither a name nor `all` is
 *   given); the configuration's and the spool's user-facing errors.
 */
export async function spoolRetry(options: SpoolRetryOptions): Promise<string[]> {
  const { config, spool } = await openSpool(options);
  const failedPath = config.application.transmission_failed_entries_path;
  if (options.all && options.name !== undefined) {
    throw new UserFacingError(
      "spoor spool retry takes a NAME or --all, not both.",
      "spoor spool retry NAME, or spoor spool retry --all",
    );
  }
  let names: string[];
  if (options.all) names = (await spool.listFailed()).map((file) => file.name);
  else if (options.name !== undefined) names = [options.name];
  else
    throw new UserFacingError(
      "Say which entry to retry.",
      "spoor spool retry NAME, or spoor spool retry --all",
    );
  const requeued: string[] = [];
  for (const name of names) {
    try {
      requeued.push((await spool.requeue(name)).name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && !(error instanceof TypeError)) throw error;
      throw new UserFacingError(
        `No failed entry named ${name} in ${failedPath}.`,
        "spoor spool list --queue failed lists the failed entries",
      );
    }
  }
  return requeued;
}
