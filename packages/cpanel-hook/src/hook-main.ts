#!/usr/bin/env node
// The cPanel Standardized Hook script, bundled into dist/hook.js with every dependency
// inlined (the installer copies that one file). Kept to wiring: see run-hook.ts.
import "./guard-stdout.js";
import { randomBytes } from "node:crypto";
import { describeFailure } from "./describe-failure.js";
import { DIAGNOSTIC_PREFIX } from "./record-hook-event.js";
import { runHook } from "./run-hook.js";
import { writeAllSync } from "./write-all-sync.js";

/** A hook run that has not ended by then is cut short (the user's call is waiting). */
const WATCHDOG_MS = 15_000;

const stderr = (text: string): void => writeAllSync(2, text);
const die = (why: string): never => {
  stderr(`${DIAGNOSTIC_PREFIX}${why}\n`);
  process.exit(1);
};
process.on("uncaughtException", (error) => die(`internal error (${describeFailure(error)})`));
process.on("unhandledRejection", (error) => die(`internal error (${describeFailure(error)})`));
setTimeout(() => die("timed out"), WATCHDOG_MS).unref();

const code = await runHook({
  argv: process.argv.slice(2),
  scriptPath: process.argv[1],
  stdin: process.stdin,
  writeStdout: (text) => writeAllSync(1, text),
  writeStderr: stderr,
  now: Date.now,
  randomBytes: (size) => randomBytes(size),
});
process.exit(code);
