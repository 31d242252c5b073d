#!/usr/bin/env node
// The original's `spoor_mailbox_event_list`: same as `spoor mailbox-event list`.
import { execute } from "@oclif/core";

await execute({ dir: import.meta.url, args: ["mailbox-event", "list", ...process.argv.slice(2)] });
