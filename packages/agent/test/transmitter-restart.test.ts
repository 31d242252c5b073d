import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CleanupStack, waitFor } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createSpoolFromConfig } from "../src/create-services.js";
import { loginEntry } from "./helpers/entries.js";
import { startScriptedServer } from "./helpers/scripted-server.js";
import { makeTempRoot } from "./helpers/temp-root.js";

// Runs the built package (dist/) in a child process: `turbo run test` builds first.
const CHILD = fileURLToPath(new URL("./fixtures/transmit-once.mjs", import.meta.url));

const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

function transmitProcess(configPath: string) {
  const child = spawn(process.execPath, [CHILD, configPath], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  return { child, exited, stderr: () => stderr };
}

describe("transmitter restarts", () => {
  it("delivers every entry through repeated kill -9 mid-burst; duplicates only as repeated keys", async () => {
    const api = await startScriptedServer();
    cleanups.push(() => api.close());
    api.script(() => ({ status: 202, delayMs: 3 }));
    const env = await makeTempRoot({ host: api.url, followers: [] });
    cleanups.push(env.cleanup);
    const spool = createSpoolFromConfig(env.config);
    const entries = Array.from({ length: 300 }, (_, n) => loginEntry(n));
    const written = await spool.write(entries);
    const configPath = join(env.root, "config.json");
    await writeFile(configPath, JSON.stringify(env.config), { mode: 0o600 });

    for (const threshold of [40, 110, 190]) {
      const run = transmitProcess(configPath);
      await waitFor(`${threshold} requests`, () => api.requests.length >= threshold);
      run.child.kill("SIGKILL");
      expect(await run.exited).toEqual({ code: null, signal: "SIGKILL" });
    }
    const last = transmitProcess(configPath);
    expect(await last.exited).toEqual({ code: 0, signal: null });
    expect(last.stderr()).toBe("");

    const keys = api.requests.map((request) => request.headers["idempotency-key"]);
    const ids = entries.map((entry) => entry.id).sort();
    expect([...new Set(keys)].sort()).toEqual(ids);
    expect(keys.length).toBeGreaterThanOrEqual(ids.length);
    // A kill between the spool's link into transmitted/ and its unlink from parsed/ leaves the
    // entry in both; the next run sends it again (same key) and the spool keeps both copies.
    const transmitted = await spool.listTransmitted();
    const transmittedIds = await Promise.all(
      transmitted.map(
        async (file) => (JSON.parse(await readFile(file.path, "utf8")) as { id: string }).id,
      ),
    );
    expect([...new Set(transmittedIds)].sort()).toEqual(ids);
    const names = new Set(transmitted.map((f) => f.name));
    expect(written.filter((file) => !names.has(file.name))).toEqual([]);
    expect(await spool.list()).toEqual([]);
  });
});
