import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SpoolPaths } from "../src/spool-types.js";

/** A unique temp directory with the four spool paths under it (not yet created). */
export async function makeTempSpoolPaths(): Promise<{
  root: string;
  paths: SpoolPaths;
  cleanup: () => Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), "spoor-spool-"));
  return {
    root,
    paths: {
      parsed: join(root, "spool/parsed"),
      transmitted: join(root, "spool/transmitted"),
      failed: join(root, "spool/transmission_failed"),
      quarantine: join(root, "spool/quarantine"),
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
