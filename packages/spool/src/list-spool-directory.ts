import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { compareSpooledFiles, parseSpoolFileName, TEMP_PREFIX } from "./spool-file-name.js";
import type { SpooledFile, StrayFile } from "./spool-types.js";
import { REASON_SUFFIX } from "./write-reason-file.js";

/** A directory's names, sorted into entries (chronological), reason files, and strays. */
export interface SpoolDirectoryListing {
  entries: SpooledFile[];
  reasons: Set<string>;
  strays: StrayFile[];
}

/**
 * Lists a spool directory: entry names in chronological order, `<name>.reason` files, and
 * everything else except temp files as strays.
 * @throws fs errors from readdir.
 */
export async function listSpoolDirectory(directory: string): Promise<SpoolDirectoryListing> {
  const listing: SpoolDirectoryListing = { entries: [], reasons: new Set(), strays: [] };
  for (const name of await readdir(directory)) {
    if (name.startsWith(TEMP_PREFIX)) continue;
    const parsed = parseSpoolFileName(name);
    const path = join(directory, name);
    if (parsed !== undefined) {
      listing.entries.push({ name, path, type: parsed.type, unixSeconds: parsed.unixSeconds });
    } else if (name.endsWith(REASON_SUFFIX)) {
      listing.reasons.add(name);
    } else {
      listing.strays.push({ name, path });
    }
  }
  listing.entries.sort(compareSpooledFiles);
  return listing;
}
