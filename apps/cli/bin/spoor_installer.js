#!/usr/bin/env node
// The original's `spoor_installer`: same as `spoor install` (interactive unless flags say
// otherwise).
import { execute } from "@oclif/core";

await execute({ dir: import.meta.url, args: ["install", ...process.argv.slice(2)] });
