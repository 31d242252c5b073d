#!/usr/bin/env node
// The original's `spoor_report_list`: same as `spoor report list`.
import { execute } from "@oclif/core";

await execute({ dir: import.meta.url, args: ["report", "list", ...process.argv.slice(2)] });
