import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { pnpmCommand, repoRoot, version } from "./support/repository.js";

declare module "vitest" {
  export interface ProvidedContext {
    debPath: string;
  }
}

/**
 * The .deb every test installs: `SPOOR_DEB` when set (iterating on the tests), else the one
 * `pnpm release` writes into dist/release/ of this checkout, built now so it is this commit's.
 */
export default function setup(project: TestProject): void {
  const given = process.env.SPOOR_DEB;
  let debPath: string;
  if (given !== undefined && given !== "") {
    debPath = isAbsolute(given) ? given : resolve(given);
  } else {
    const [command, ...args] = pnpmCommand();
    execFileSync(command!, [...args, "release"], { cwd: repoRoot, stdio: "inherit" });
    debPath = join(repoRoot, "dist/release", `spoor_${version}_amd64.deb`);
  }
  if (!existsSync(debPath)) throw new Error(`no .deb at ${debPath}`);
  project.provide("debPath", debPath);
}
