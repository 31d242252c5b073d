import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const RECEIVER = fileURLToPath(new URL("../../../daemons/bin/spoor-server.js", import.meta.url));

/** A running `spoor-server` child on a free loopback port, with an in-memory database. */
export interface RunningReceiver {
  url: string;
  stop(): Promise<void>;
}

/** Starts the receiver accepting `credentials` (`ID:SECRET`); resolves once it printed its URL. */
export async function startReceiver(credentials: string): Promise<RunningReceiver> {
  // A config of its own: the server never reads the machine's /etc/spoor/server.yml in tests.
  const configDir = mkdtempSync(join(tmpdir(), "spoor-cli-server-"));
  const EMPTY_CONFIG = join(configDir, "server.yml");
  writeFileSync(EMPTY_CONFIG, "{}\n", { mode: 0o600 });
  const child = spawn(
    process.execPath,
    [
      RECEIVER,
      "--config",
      EMPTY_CONFIG,
      "--listen",
      "127.0.0.1:0",
      "--db",
      ":memory:",
      "--credentials",
      credentials,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stderr.resume();
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      lines.close();
      resolve(line.trim());
    });
    child.once("exit", (code) =>
      reject(new Error(`spoor-server exited with ${code} before listening`)),
    );
    child.once("error", reject);
  });
  return {
    url,
    stop: () => stop(child).finally(() => rmSync(configDir, { recursive: true, force: true })),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
