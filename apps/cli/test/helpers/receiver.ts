import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const RECEIVER = fileURLToPath(new URL("../../../receiver/bin/spoor-receiver.js", import.meta.url));

/** A running `spoor-receiver` child on a free loopback port, with an in-memory database. */
export interface RunningReceiver {
  url: string;
  stop(): Promise<void>;
}

/** Starts the receiver accepting `credentials` (`ID:SECRET`); resolves once it printed its URL. */
export async function startReceiver(credentials: string): Promise<RunningReceiver> {
  const child = spawn(
    process.execPath,
    [RECEIVER, "--port", "0", "--db", ":memory:", "--credentials", credentials],
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
      reject(new Error(`spoor-receiver exited with ${code} before listening`)),
    );
    child.once("error", reject);
  });
  return { url, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
