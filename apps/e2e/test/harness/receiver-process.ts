import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { RECEIVER_BIN } from "./paths.js";
import { CREDENTIALS } from "./spoor-root.js";

// The server gets a config of its own (never the machine's /etc/spoor/server.yml), removed at exit.
const serverConfigDir = mkdtempSync(join(tmpdir(), "spoor-test-server-"));
const SERVER_CONFIG = join(serverConfigDir, "server.yml");
writeFileSync(SERVER_CONFIG, "{}\n", { mode: 0o600 });
process.once("exit", () => rmSync(serverConfigDir, { recursive: true, force: true }));

/** `GET /api/stats`. */
export interface ReceiverStats {
  reports: number;
  mailbox_events: number;
  duplicates_collapsed: number;
}

/** One row of `GET /api/reports`. */
export interface ReportRow {
  id: number;
  event_time: number | null;
  host: string;
  type: string;
  mailbox_address: string | null;
}

/** The real receiver bin running as a child process. */
export interface ReceiverProcess {
  url: string;
  pid: number;
  stats(): Promise<ReceiverStats>;
  /** Reports of `host` (the receiver lists at most 1000, newest first). */
  reports(host: string): Promise<ReportRow[]>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

const AUTH = `Basic ${Buffer.from(`${CREDENTIALS.api_identifier}:${CREDENTIALS.api_secret}`).toString("base64")}`;

/**
 * Starts `spoor-receiver --port 0 --db <dbPath> --credentials ID:SECRET` and reads its URL
 * from the first stdout line.
 * @throws Error when it exits before printing the URL (its stderr attached).
 */
export async function startReceiverProcess(dbPath = ":memory:"): Promise<ReceiverProcess> {
  const child = spawn(
    process.execPath,
    [
      RECEIVER_BIN,
      "--config",
      SERVER_CONFIG,
      "--listen",
      "127.0.0.1:0",
      "--db",
      dbPath,
      "--credentials",
      `${CREDENTIALS.api_identifier}:${CREDENTIALS.api_secret}`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    // Keep only the start: the request log of a long test is large and not needed.
    if (stderr.length < 16_384) stderr += chunk.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      lines.close();
      child.stdout.resume();
      resolve(line.trim());
    });
    child.once("exit", (code) => reject(new Error(`receiver exited (${code}): ${stderr}`)));
  });
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      headers: { authorization: AUTH, accept: "application/json" },
    });
    if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.json();
  };
  return {
    url,
    pid: child.pid!,
    stats: async () => (await get("/api/stats")) as ReceiverStats,
    reports: async (host) =>
      (
        (await get(`/api/reports?reports%5Bhost%5D=${encodeURIComponent(host)}`)) as {
          reports: ReportRow[];
        }
      ).reports,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
