import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { waitFor } from "@spoor/test-support";

/** The `spoor-server` bin of this package. */
export const SERVER_BIN = fileURLToPath(new URL("../../bin/spoor-server.js", import.meta.url));

/** A `spoor-server` child with its output collected. */
export interface ServerProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exit: Promise<number | null>;
  /** The first stdout line (the base URL), once printed. */
  url(): Promise<string>;
}

/** Spawns `node bin/spoor-server.js ARGS…`. */
export function spawnServer(args: readonly string[]): ServerProcess {
  const child = spawn(process.execPath, [SERVER_BIN, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exit = once(child, "close").then(([code]) => code as number | null);
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exit,
    url: () =>
      waitFor(`the URL line of spoor-server (stderr: ${stderr.slice(0, 500)})`, () =>
        stdout.includes("\n")
          ? stdout.split("\n")[0]
          : child.exitCode === null
            ? undefined
            : `exited ${child.exitCode}`,
      ),
  };
}
