import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { appendFile, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { tempDir, waitFor } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, "fixtures", "follow-to-file.mjs");
const dist = join(here, "..", "dist", "index.js");

beforeAll(async () => {
  const sources = await readdir(join(here, "..", "src"));
  const newest = Math.max(...sources.map((f) => statSync(join(here, "..", "src", f)).mtimeMs));
  if (!existsSync(dist) || statSync(dist).mtimeMs < newest) {
    throw new Error("dist/ is missing or stale: build @spoor/follower first (turbo test does)");
  }
});

const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) child.kill("SIGKILL");
  children.clear();
});

function start(log: string, state: string, out: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fixture, log, state, out], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`follower exited early (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
    children.delete(child);
  });
}

async function outputLines(out: string): Promise<string[]> {
  const content = await readFile(out, "latin1").catch(() => "");
  return content.split("\n").slice(0, -1);
}

describe("a follower killed with SIGKILL while the log grows", () => {
  it("delivers every line at least once after restarts, across a rotation while it is down", async () => {
    const dir = await tempDir();
    const log = join(dir, "access_log");
    const state = join(dir, "state");
    const out = join(dir, "delivered");
    await writeFile(log, "");
    let child = await start(log, state, out);

    let written = 0;
    let writing = true;
    let rotateNow = false;
    const writer = (async () => {
      while (writing) {
        if (rotateNow) {
          await rename(log, `${log}.bkup`);
          await writeFile(log, "");
          rotateNow = false;
        }
        let chunk = "";
        for (let i = 0; i < 20; i++) chunk += `line ${written++} ${"x".repeat(written % 97)}\n`;
        await appendFile(log, chunk);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    for (let round = 0; round < 4; round++) {
      const target = (await outputLines(out)).length + 200 + Math.floor(Math.random() * 1500);
      await waitFor(
        `${target} delivered lines`,
        async () => (await outputLines(out)).length >= target,
      );
      await kill(child);
      if (round === 1) {
        rotateNow = true;
        await waitFor("the rotation", () => !rotateNow);
      }
      const pause = written + 300;
      await waitFor("lines written while down", () => written >= pause);
      child = await start(log, state, out);
    }
    writing = false;
    await writer;
    const last = `line ${written - 1} `;
    await waitFor(
      "the last line",
      async () => (await outputLines(out)).some((l) => l.startsWith(last)),
      60_000,
    );
    await kill(child);

    const seen = new Set((await outputLines(out)).map((line) => Number(line.split(" ")[1])));
    const missing: number[] = [];
    for (let i = 0; i < written; i++) if (!seen.has(i)) missing.push(i);
    expect(missing).toEqual([]);
    expect((await stat(`${log}.bkup`)).size).toBeGreaterThan(0);
  });
});
