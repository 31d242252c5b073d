import { constants } from "node:fs";
import { open } from "node:fs/promises";

/** fsyncs a directory, making the names created or removed in it durable. @throws fs errors. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
