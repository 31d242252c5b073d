#!/usr/bin/env node
// The server package's own entry (tests, library users). systemd runs the bundled
// `spoor-server` of @spoor/daemons, which calls the same runServerCli.
import { runServerCli } from "../dist/index.js";

process.exit(await runServerCli(process.argv.slice(2)));
