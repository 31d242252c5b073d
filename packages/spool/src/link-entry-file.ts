import { link } from "node:fs/promises";
import { join } from "node:path";
import { decodeEntry } from "./decode-entry.js";
import { readSpoolFile } from "./read-spool-file.js";
import { formatSpoolFileName, nextSuffix, suffixForId } from "./spool-file-name.js";
import type { SpoolEntry, SpooledFile } from "./spool-types.js";

const MAX_ATTEMPTS = 1000;

/**
 * Links the durable temp file into `directory` under `<type>.<unix>.<suffix>.json`, the suffix
 * derived from the entry's id. link() never overwrites: on a clash, a file holding the same
 * id means the entry is already queued (nothing is added); any other file moves the entry to
 * the next suffix.
 * @returns the file and whether it was added.
 * @throws fs errors from link().
 */
export async function linkEntryFile(
  directory: string,
  temp: string,
  entry: SpoolEntry,
  unixSeconds: number,
  owner: number,
): Promise<{ file: SpooledFile; added: boolean }> {
  let suffix = suffixForId(entry.id);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const name = formatSpoolFileName(entry.type, unixSeconds, suffix);
    const path = join(directory, name);
    const file: SpooledFile = { name, path, type: entry.type, unixSeconds };
    try {
      await link(temp, path);
      return { file, added: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const existing = await idOf(path, name, entry.type, owner);
    if (existing === entry.id) return { file, added: false };
    if (existing !== "gone") suffix = nextSuffix(suffix);
  }
  throw Object.assign(new Error(`no free spool file name for entry ${entry.id}`), {
    code: "EEXIST",
  });
}

/** The id inside an existing file; "gone" if it vanished meanwhile; undefined if unreadable. */
async function idOf(
  path: string,
  name: string,
  type: string,
  owner: number,
): Promise<string | undefined> {
  try {
    return decodeEntry(await readSpoolFile(path, owner), name, path, type).id;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : undefined;
  }
}
