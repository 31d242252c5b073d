import { appendFile, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stableId } from "@spoor/spool";
import { corpusLines, forwarderAddLine, forwarderRemoveLine, waitFor } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { type DaemonProcess, startDaemon } from "./helpers/daemon-process.js";
import { makeSpoorRoot, type SpoorRoot } from "./helpers/spoor-root.js";

const cleanups: Array<() => Promise<void>> = [];
const running: DaemonProcess[] = [];
afterEach(async () => {
  for (const daemon of running.splice(0)) {
    if (daemon.child.exitCode === null && daemon.child.signalCode === null) {
      daemon.child.kill("SIGKILL");
      await daemon.exited;
    }
  }
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function root(): Promise<SpoorRoot> {
  const made = await makeSpoorRoot({ followers: ["access"] });
  cleanups.push(made.cleanup);
  return made;
}

function follower(env: SpoorRoot): DaemonProcess {
  const daemon = startDaemon("spoor-access-follower", ["--root", env.root], {
    SPOOR_LOG_LEVEL: "debug",
  });
  running.push(daemon);
  return daemon;
}

async function started(daemon: DaemonProcess): Promise<void> {
  await waitFor("the follower to start", () =>
    daemon.logLines().some((line) => line.msg === "log started" || line.msg === "log missing"),
  );
}

/** The ids the spooled files carry, by file. */
async function spooledIds(env: SpoorRoot): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const names = await readdir(env.parsedDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => /^access\.\d+\.\d{7}\.json$/.test(n))) {
    ids.set(
      name,
      (JSON.parse(await readFile(join(env.parsedDir, name), "utf8")) as { id: string }).id,
    );
  }
  return ids;
}

/** Appends lines to a log and records the expected id of each interesting one. */
class LogWriter {
  readonly expected: string[] = [];
  constructor(
    private readonly path: string,
    private readonly identity: { dev: number; ino: number },
    private offset: number,
  ) {}

  /** Appends at the current end of `path`. */
  static async open(path: string): Promise<LogWriter> {
    const info = await stat(path);
    return new LogWriter(path, { dev: info.dev, ino: info.ino }, info.size);
  }

  async append(lines: Array<{ bytes: Buffer; interesting: boolean }>): Promise<void> {
    const chunks: Buffer[] = [];
    for (const { bytes, interesting } of lines) {
      if (interesting) {
        this.expected.push(
          stableId("access", this.identity.dev, this.identity.ino, this.offset, bytes),
        );
      }
      chunks.push(bytes, Buffer.from("\n"));
      this.offset += bytes.length + 1;
    }
    await appendFile(this.path, Buffer.concat(chunks));
  }

  get size(): number {
    return this.offset;
  }
}

function mixedLines(background: Buffer[], from: number, count: number, round: number) {
  const lines: Array<{ bytes: Buffer; interesting: boolean }> = [];
  for (let i = 0; i < count; i += 1) {
    const bytes = background[(from + i) % background.length];
    if (bytes !== undefined) lines.push({ bytes, interesting: false });
    if (i % 40 === 7) {
      const n = round * 1000 + i;
      const crafted = i % 80 === 7 ? forwarderAddLine(n) : forwarderRemoveLine(n);
      lines.push({ bytes: Buffer.from(crafted), interesting: true });
    }
  }
  return lines;
}

describe("spoor-access-follower", () => {
  it("loses no event and keeps every id across repeated kill -9 under load", async () => {
    const env = await root();
    const background = corpusLines("access_log");
    const writer = await LogWriter.open(env.logPath("access"));
    let daemon = follower(env);
    await started(daemon);
    let writing = true;
    const load = (async () => {
      for (let round = 0; round < 80; round += 1) {
        await writer.append(mixedLines(background, round * 250, 250, round));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      writing = false;
    })();
    let killedWhileWriting = 0;
    for (let kill = 0; kill < 4; kill += 1) {
      // A random moment while lines keep arriving: maybe mid-read, mid-spool or mid-commit.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 250)));
      if (writing) killedWhileWriting += 1;
      daemon.child.kill("SIGKILL");
      await daemon.exited;
      daemon = follower(env);
      await started(daemon);
    }
    await load;
    await waitFor(
      "the follower to catch up",
      async () => (await env.checkpointOffset("access")) === writer.size,
      { timeoutMs: 60_000 },
    );
    daemon.child.kill("SIGTERM");
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    const ids = await spooledIds(env);
    expect(ids.size).toBe(writer.expected.length); // one file per event: no re-spool under a new id
    expect([...ids.values()].sort()).toEqual([...writer.expected].sort());
    expect(killedWhileWriting).toBeGreaterThan(0);
  });

  it("drains a renamed log, late writes included, then follows the new file", async () => {
    const env = await root();
    const path = env.logPath("access");
    const daemon = follower(env);
    await started(daemon);
    const old = await LogWriter.open(path);
    await old.append([{ bytes: Buffer.from(forwarderAddLine(1)), interesting: true }]);
    await waitFor(
      "the first line",
      async () => (await env.checkpointOffset("access")) === old.size,
    );
    await rename(path, `${path}.bkup`);
    // A writer still holding the old file appends after the rename.
    const late = await LogWriter.open(`${path}.bkup`);
    await late.append([{ bytes: Buffer.from(forwarderRemoveLine(2)), interesting: true }]);
    await writeFile(path, "");
    const fresh = await LogWriter.open(path);
    await fresh.append([{ bytes: Buffer.from(forwarderAddLine(3)), interesting: true }]);
    const expected = [...old.expected, ...late.expected, ...fresh.expected].sort();
    await waitFor("all three events", async () => (await spooledIds(env)).size === 3, {
      timeoutMs: 60_000,
    });
    expect([...(await spooledIds(env)).values()].sort()).toEqual(expected);
    daemon.child.kill("SIGTERM");
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
  });

  it("exits 0 on SIGTERM with its checkpoint written", async () => {
    const env = await root();
    const daemon = follower(env);
    await started(daemon);
    const writer = await LogWriter.open(env.logPath("access"));
    await writer.append(mixedLines(corpusLines("access_log"), 0, 500, 0));
    await waitFor("the batch", async () => (await env.checkpointOffset("access")) === writer.size);
    daemon.child.kill("SIGTERM");
    expect(await daemon.exited).toEqual({ code: 0, signal: null });
    expect(await env.checkpointOffset("access")).toBe(writer.size);
    expect(daemon.logLines().map((line) => line.msg)).toEqual(
      expect.arrayContaining(["shutting down", "follower stopped"]),
    );
    expect(daemon.stderr()).not.toContain("dest7%40example.net");
    expect(daemon.stderr()).not.toContain("dest7@example.net");
  });
});
