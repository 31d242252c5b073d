import { appendFile, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LogType } from "@spoor/config";
import { parseLine } from "@spoor/parsers";
import { type SpoolStore, stableId } from "@spoor/spool";
import {
  CleanupStack,
  corpusLines,
  forwarderAddLine,
  forwarderRemoveLine,
  waitFor,
  webmailLoginLine,
  webmailSessionLine,
} from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createClientFromConfig, createSpoolFromConfig } from "../src/create-services.js";
import { runFollowerPipeline } from "../src/follower-pipeline.js";
import { runTransmitter } from "../src/transmitter.js";
import { captureLogger } from "./helpers/capture-logger.js";
import { loginEntry } from "./helpers/entries.js";
import { startScriptedServer } from "./helpers/scripted-server.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

interface Line {
  text: Buffer;
  interesting: boolean;
}

/** What the test expects the pipeline to spool for `lines` appended at `offset`. */
function expectedEntries(
  type: LogType,
  file: { dev: number; ino: number },
  at: number,
  lines: Line[],
) {
  const expected: Array<Record<string, unknown>> = [];
  let offset = at;
  for (const line of lines) {
    if (line.interesting) {
      expected.push({
        ...parseLine(type, line.text.toString("utf8")),
        id: stableId(type, file.dev, file.ino, offset, line.text),
      });
    }
    offset += line.text.length + 1;
  }
  return expected;
}

async function startPipeline(env: TempRoot, type: LogType, spool?: SpoolStore) {
  await appendFile(env.logPath(type), ""); // create it, keep what is there
  const captured = captureLogger("debug");
  const controller = new AbortController();
  const store = spool ?? createSpoolFromConfig(env.config);
  const done = runFollowerPipeline({
    type,
    config: env.config,
    spool: store,
    logger: captured.logger,
    signal: controller.signal,
    backpressure: { baseMs: 10, capMs: 100 },
  });
  cleanups.push(async () => {
    controller.abort();
    await done.catch(() => undefined);
  });
  await waitFor("the follower to start", () => captured.messages().includes("log started"));
  const checkpoint = async () => {
    const path = join(env.config.application.state_path, `${type}.checkpoint.json`);
    const text = await readFile(path, "utf8").catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as { offset: number }).offset;
  };
  return { captured, controller, done, spool: store, checkpoint };
}

async function spoolFiles(dir: string) {
  const names = (await readdir(dir)).filter((name) => !name.startsWith("."));
  return Promise.all(
    names.sort().map(async (name) => ({
      name,
      mode: (await stat(join(dir, name))).mode & 0o777,
      entry: JSON.parse(await readFile(join(dir, name), "utf8")) as Record<string, unknown>,
    })),
  );
}

async function root(options: Parameters<typeof makeTempRoot>[0] = {}) {
  const env = await makeTempRoot(options);
  cleanups.push(env.cleanup);
  return env;
}

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.id).localeCompare(String(b.id));

describe("runFollowerPipeline", () => {
  it("spools exactly the interesting lines of real access traffic, 0600, named as the original", async () => {
    const env = await root({ followers: ["access"] });
    const { controller, done, checkpoint, captured } = await startPipeline(env, "access");
    const background = corpusLines("access_log");
    const lines: Line[] = [];
    background.forEach((text, index) => {
      lines.push({ text, interesting: false });
      if (index % 1000 === 500) {
        lines.push({ text: Buffer.from(forwarderAddLine(index)), interesting: true });
        lines.push({ text: Buffer.from(forwarderRemoveLine(index)), interesting: true });
      }
    });
    const info = await stat(env.logPath("access"));
    let size = 0;
    for (let i = 0; i < lines.length; i += 700) {
      const chunk = lines.slice(i, i + 700).flatMap((line) => [line.text, Buffer.from("\n")]);
      const bytes = Buffer.concat(chunk);
      await appendFile(env.logPath("access"), bytes);
      size += bytes.length;
    }
    await waitFor("the whole log", async () => (await checkpoint()) === size);
    controller.abort();
    await done;
    const files = await spoolFiles(env.config.application.parsed_entries_path);
    const expected = expectedEntries("access", info, 0, lines);
    expect(expected.map((e) => e.event)).toEqual(
      Array.from({ length: expected.length / 2 }).flatMap(() => [
        "forward_added_partial_ip",
        "forward_removed",
      ]),
    );
    expect(files.map((f) => f.entry).sort(byId)).toEqual([...expected].sort(byId));
    for (const file of files) {
      expect(file.mode).toBe(0o600);
      expect(file.name).toMatch(new RegExp(`^access\\.${file.entry.log_time}\\.\\d{7}\\.json$`));
    }
    const raw = captured.raw();
    expect(raw).not.toContain("dest500%40example.net");
    expect(raw).not.toContain("user500");
    const counts = captured
      .lines()
      .filter((l) => l.msg === "follower counts")
      .at(-1);
    expect(counts).toEqual(
      expect.objectContaining({
        linesScanned: lines.length,
        entriesSpooled: expected.length,
        longLinesSkipped: 0,
      }),
    );
  });

  it("spools a webmail login from login_log among real login lines", async () => {
    const env = await root({ followers: ["login"] });
    const { controller, done, checkpoint } = await startPipeline(env, "login");
    const lines: Line[] = [
      ...corpusLines("login_log").map((text) => ({ text, interesting: false })),
      { text: Buffer.from(webmailLoginLine(1)), interesting: true },
    ];
    const info = await stat(env.logPath("login"));
    const bytes = Buffer.concat(lines.flatMap((line) => [line.text, Buffer.from("\n")]));
    await appendFile(env.logPath("login"), bytes);
    await waitFor("the log", async () => (await checkpoint()) === bytes.length);
    controller.abort();
    await done;
    const files = await spoolFiles(env.config.application.parsed_entries_path);
    expect(files.map((f) => f.entry)).toEqual(expectedEntries("login", info, 0, lines));
    expect(files[0]?.entry).toEqual(
      expect.objectContaining({ event: "login", context: "mailbox", status: "success" }),
    );
  });

  it("spools session_log logins only while log_successful_logins is off", async () => {
    const env = await root({ followers: ["session"] });
    await mkdir(join(env.root, "var/cpanel"), { recursive: true });
    await writeFile(join(env.root, "var/cpanel/cpanel.config"), "log_successful_logins=1\n");
    const { controller, done, checkpoint, captured } = await startPipeline(env, "session");
    const lines: Line[] = [
      ...corpusLines("session_log").map((text) => ({ text, interesting: false })),
      { text: Buffer.from(webmailSessionLine(1)), interesting: false }, // login_log has it
    ];
    const bytes = Buffer.concat(lines.flatMap((line) => [line.text, Buffer.from("\n")]));
    await appendFile(env.logPath("session"), bytes);
    await waitFor("the log", async () => (await checkpoint()) === bytes.length);
    controller.abort();
    await done;
    expect(await spoolFiles(env.config.application.parsed_entries_path)).toEqual([]);
    expect(
      captured
        .lines()
        .filter((l) => l.msg === "follower counts")
        .at(-1),
    ).toEqual(expect.objectContaining({ leftToLoginLog: 1 }));

    await writeFile(join(env.root, "var/cpanel/cpanel.config"), "log_successful_logins=0\n");
    const second = await startPipeline(env, "session");
    const info = await stat(env.logPath("session"));
    const line: Line = { text: Buffer.from(webmailSessionLine(2)), interesting: true };
    await appendFile(env.logPath("session"), Buffer.concat([line.text, Buffer.from("\n")]));
    await waitFor(
      "the login",
      async () => (await second.checkpoint()) === bytes.length + line.text.length + 1,
    );
    second.controller.abort();
    await second.done;
    const files = await spoolFiles(env.config.application.parsed_entries_path);
    expect(files.map((f) => f.entry)).toEqual(
      expectedEntries("session", info, bytes.length, [line]),
    );
  });

  it("holds its checkpoint while the spool is full and resumes, losing nothing, as the transmitter drains", async () => {
    const api = await startScriptedServer();
    cleanups.push(() => api.close());
    const env = await root({
      followers: ["access"],
      host: api.url,
      application: { spool_max_entries: 2 },
    });
    const spool = createSpoolFromConfig(env.config);
    await spool.write([loginEntry(1), loginEntry(2)]); // full
    const { captured, controller, done, checkpoint } = await startPipeline(env, "access", spool);
    const info = await stat(env.logPath("access"));
    const lines: Line[] = Array.from({ length: 8 }, (_, n) => ({
      text: Buffer.from(n % 2 === 0 ? forwarderAddLine(n) : forwarderRemoveLine(n)),
      interesting: true,
    }));
    const bytes = Buffer.concat(lines.flatMap((line) => [line.text, Buffer.from("\n")]));
    await appendFile(env.logPath("access"), bytes);
    await waitFor("the pause", () =>
      captured.messages().some((m) => m.startsWith("spool cannot take entries")),
    );
    expect(await checkpoint()).toBe(0); // where it started: nothing after it is committed
    expect((await spool.stats()).queued).toBe(2);

    const transmitter = new AbortController();
    const client = createClientFromConfig(env.config);
    cleanups.push(async () => client.close());
    const sending = runTransmitter({
      config: env.config,
      spool,
      client,
      logger: captured.logger,
      signal: transmitter.signal,
      reporter: "test-host",
      rescanMs: 50,
    });
    await waitFor("the resume", async () => (await checkpoint()) === bytes.length);
    await waitFor("the drain", async () => (await spool.stats()).queued === 0);
    transmitter.abort();
    await sending;
    controller.abort();
    await done;
    const sent = new Set(api.requests.map((r) => r.headers["idempotency-key"]));
    const expected = expectedEntries("access", info, 0, lines).map((e) => e.id);
    expect([...sent].sort()).toEqual([loginEntry(1).id, loginEntry(2).id, ...expected].sort());
    const messages = captured.messages();
    expect(messages.filter((m) => m.startsWith("spool cannot take entries"))).toHaveLength(1);
    expect(
      messages.filter((m) => m === "spool accepts entries again, follower resumed"),
    ).toHaveLength(1);
  });

  it("stops on abort while paused without committing the unspooled batch", async () => {
    const env = await root({ followers: ["access"], application: { spool_max_entries: 1 } });
    const spool = createSpoolFromConfig(env.config);
    await spool.write([loginEntry(1)]);
    const { captured, controller, done, checkpoint } = await startPipeline(env, "access", spool);
    await appendFile(env.logPath("access"), `${forwarderAddLine(1)}\n`);
    await waitFor("the pause", () =>
      captured.messages().some((m) => m.startsWith("spool cannot take entries")),
    );
    controller.abort();
    await done;
    expect(await checkpoint()).toBe(0);
    expect((await spool.list()).length).toBe(1);
    expect(captured.messages().at(-1)).toBe("follower stopped");
  });

  it("refuses a type the configuration does not follow, with the fix", async () => {
    const env = await root({ followers: ["access"] });
    const { logger } = captureLogger();
    await expect(
      runFollowerPipeline({
        type: "error",
        config: env.config,
        spool: createSpoolFromConfig(env.config),
        logger,
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow(
      `No follower is configured for the error log in ${env.config.sourcePath}. Fix: add "followers: { error: { name: /usr/local/cpanel/logs/error_log } }" to ${env.config.sourcePath}`,
    );
  });
});
