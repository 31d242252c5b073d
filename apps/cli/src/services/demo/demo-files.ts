import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LOG_TYPES, type LogType, UserFacingError } from "@spoor/config";
import { splitLines } from "./demo-replay.js";

/** One step of the demo's story (`apps/cli/demo/scenario.json`). */
export interface ScenarioStep {
  /** The one line narrated for it. */
  say: string;
  /** Files under `apps/cli/demo/`: `*.<type>_log` lines are appended to that log, `*.hook.json`
   *  is a hook payload fed to the installed hook script. */
  files: string[];
  /** The mailbox event types the server must end up holding for it (after merging). */
  expect: string[];
}

/** Where the demo's data lives. */
export interface DemoFiles {
  /** `apps/cli/demo`: the crafted lines, the hook payload, scenario.json. */
  demoDirectory: string;
  /** `fixtures/cpanel-v120`: real cPanel logs, the background traffic. */
  corpusDirectory: string;
}

/**
 * Finds the demo's data above this module (it ships in the repository, not in the npm
 * package: the demo runs from a clone).
 * @throws UserFacingError when run outside a clone of the repository.
 */
export function locateDemoFiles(): DemoFiles {
  const demoDirectory = findUp((directory) => join(directory, "demo", "scenario.json"));
  const corpusDirectory = findUp((directory) =>
    join(directory, "fixtures", "cpanel-v120", "access_log"),
  );
  return { demoDirectory: dirname(demoDirectory), corpusDirectory: dirname(corpusDirectory) };
}

/**
 * The scenario's steps.
 * @throws SyntaxError for a malformed scenario.json; fs errors.
 */
export async function readScenario(demoDirectory: string): Promise<ScenarioStep[]> {
  return JSON.parse(await readFile(join(demoDirectory, "scenario.json"), "utf8")) as ScenarioStep[];
}

/** The real logs' lines by type, as bytes. @throws fs errors. */
export async function readCorpus(corpusDirectory: string): Promise<Record<LogType, Buffer[]>> {
  const corpus = {} as Record<LogType, Buffer[]>;
  for (const type of LOG_TYPES) {
    corpus[type] = splitLines(await readFile(join(corpusDirectory, `${type}_log`)));
  }
  return corpus;
}

function findUp(candidate: (directory: string) => string): string {
  for (let directory = dirname(fileURLToPath(import.meta.url)); ; directory = dirname(directory)) {
    const path = candidate(directory);
    if (existsSync(path)) return path;
    if (dirname(directory) === directory) {
      throw new UserFacingError(
        "spoor demo needs the repository's demo data (apps/cli/demo, fixtures/cpanel-v120).",
        "run it from a clone: pnpm demo",
      );
    }
  }
}
