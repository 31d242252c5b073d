import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

// The server gets a config of its own (never the machine's /etc/spoor/server.yml), removed at exit.
const serverConfigDir = mkdtempSync(join(tmpdir(), "spoor-test-server-"));
const SERVER_CONFIG = join(serverConfigDir, "server.yml");
writeFileSync(SERVER_CONFIG, "{}\n", { mode: 0o600 });
process.once("exit", () => rmSync(serverConfigDir, { recursive: true, force: true }));

/** The real receiver app (`spoor-receiver`) as a child process. */
export interface ReceiverProcess {
  url: string;
  child: ChildProcess;
  /** GET {url}{path} with Basic ID:SECRET; the parsed JSON body. */
  get(path: string): Promise<unknown>;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL("../../bin/spoor-server.js", import.meta.url));

/** Starts `spoor-receiver --port 0 --db :memory: --credentials ID:SECRET` and waits for the
 *  URL it prints as its first stdout line. */
export async function startReceiver(): Promise<ReceiverProcess> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      "--config",
      SERVER_CONFIG,
      "--listen",
      "127.0.0.1:0",
      "--db",
      ":memory:",
      "--credentials",
      "ID:SECRET",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new Error(`receiver exited ${code}: ${stderr}`)));
  });
  const auth = `Basic ${Buffer.from("ID:SECRET").toString("base64")}`;
  return {
    url,
    child,
    async get(path) {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: auth, accept: "application/json" },
      });
      return response.json();
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
