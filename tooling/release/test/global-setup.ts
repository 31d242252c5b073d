import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildRelease } from "../src/build-release.js";
import { pnpmCommand, repoRoot } from "./support.js";

declare module "vitest" {
  export interface ProvidedContext {
    releaseDir: string;
  }
}

/** One release build of this checkout (into a temp directory) for every test file. */
export default async function setup(project: TestProject): Promise<() => void> {
  const base = mkdtempSync(join(tmpdir(), "spoor-release-test-"));
  const releaseDir = join(base, "release");
  await buildRelease({ repoRoot, outputDir: releaseDir, pnpm: pnpmCommand() });
  project.provide("releaseDir", releaseDir);
  return () => rmSync(base, { recursive: true, force: true });
}
