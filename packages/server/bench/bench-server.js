// The server under benchmark, in its own process: SQLite in a temp directory, a webhook
// channel pointing at the sink the benchmark runs (argv[2]), credentials bench:bench-secret.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, validateServerConfig } from "../dist/index.js";

const sink = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), "spoor-server-bench-"));
const config = validateServerConfig({
  notify: [
    {
      type: "webhook",
      url: sink,
      secret: "bench-secret-0123456789",
      min_severity: "high",
      max_per_hour: 100000,
    },
  ],
});
const server = await startServer({
  database: `sqlite:${join(dir, "spoor.sqlite")}`,
  credentials: [{ identifier: "bench", secret: "bench-secret" }],
  config,
  maxBodyBytes: 4 * 1024 * 1024,
});
process.stdout.write(`${server.url} ${dir}\n`);
if (process.env.BENCH_KEEP) process.stderr.write(`${dir}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
