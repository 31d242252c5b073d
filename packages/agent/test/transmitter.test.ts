import { symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import type { SpoolStore } from "@spoor/spool";
import { CleanupStack, waitFor } from "@spoor/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createClientFromConfig, createSpoolFromConfig } from "../src/create-services.js";
import { runTransmitter, type TransmitterOptions } from "../src/transmitter.js";
import { captureLogger } from "./helpers/capture-logger.js";
import { formattedLogin, loginEntry } from "./helpers/entries.js";
import { freePort, type ScriptedServer, startScriptedServer } from "./helpers/scripted-server.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

interface Setup {
  env: TempRoot;
  spool: SpoolStore;
  run(extra?: Partial<TransmitterOptions>): Promise<unknown>;
  captured: ReturnType<typeof captureLogger>;
}

async function setup(
  host: string,
  transmission: Partial<TempRoot["config"]["transmission"]> = {},
): Promise<Setup> {
  const env = await makeTempRoot({ host, followers: [], transmission });
  cleanups.push(env.cleanup);
  const spool = createSpoolFromConfig(env.config);
  const client = createClientFromConfig(env.config);
  cleanups.push(async () => client.close());
  const captured = captureLogger("debug");
  const run = (extra: Partial<TransmitterOptions> = {}) =>
    runTransmitter({
      config: env.config,
      spool,
      client,
      logger: captured.logger,
      signal: new AbortController().signal,
      reporter: "test-host",
      once: true,
      backoff: { baseMs: 20, capMs: 200 },
      ...extra,
    });
  return { env, spool, run, captured };
}

async function server(): Promise<ScriptedServer> {
  const started = await startScriptedServer();
  cleanups.push(() => started.close());
  return started;
}

const names = (files: Array<{ name: string }>) => files.map((file) => file.name).sort();
const bodyEntry = (body: string) =>
  (JSON.parse(body) as { report: { entries: unknown[] } }).report.entries[0];

describe("runTransmitter", () => {
  it("sends each entry as the contract's POST and moves it to transmitted on 202", async () => {
    const api = await server();
    const { spool, run } = await setup(api.url);
    const written = await spool.write([loginEntry(1), loginEntry(2)]);
    await run();
    expect(names(await spool.listTransmitted())).toEqual(names(written));
    expect(await spool.list()).toEqual([]);
    const first = api.requests[0];
    expect(api.requests.length).toBe(2);
    expect({
      method: first?.method,
      url: first?.url,
      type: first?.headers["content-type"],
      auth: first?.headers.authorization,
      key: first?.headers["idempotency-key"],
      body: JSON.parse(first?.body ?? "null"),
    }).toEqual({
      method: "POST",
      url: "/api/reports",
      type: "application/json",
      auth: `Basic ${Buffer.from("ID:SECRET").toString("base64")}`,
      key: loginEntry(1).id,
      body: { report: { entries: [formattedLogin(1)], metadata: { reporter: "test-host" } } },
    });
  });

  it("keeps entries queued through a 503 outage, backs off, and delivers all after recovery", async () => {
    const api = await server();
    api.script((_, index) => (index < 5 ? { status: 503, body: "down" } : { status: 202 }));
    const { spool, run, captured } = await setup(api.url, { concurrency: 3 });
    const written = await spool.write([1, 2, 3, 4, 5, 6].map((n) => loginEntry(n)));
    await run();
    expect(names(await spool.listTransmitted())).toEqual(names(written));
    const accepted = new Set(api.requests.slice(5).map((r) => r.headers["idempotency-key"]));
    expect([...accepted].sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => loginEntry(n).id).sort());
    const messages = captured.messages();
    expect(messages.filter((m) => m.startsWith("API unavailable, retrying in "))).toHaveLength(1);
    expect(messages.filter((m) => m === "API recovered")).toHaveLength(1);
    const probes = captured.lines().filter((line) => line.msg === "API still unavailable");
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.every((line) => line.status === 503 && typeof line.retryInMs === "number")).toBe(
      true,
    );
  });

  it("moves an entry refused with 401 to failed with the status and body excerpt beside it", async () => {
    const api = await server();
    api.script(() => ({ status: 401, body: '{"error":"bad credentials"}' }));
    const { spool, run } = await setup(api.url);
    const [file] = await spool.write([loginEntry(7)]);
    await run();
    expect(await spool.listFailed()).toEqual([
      expect.objectContaining({
        name: file?.name,
        reason: 'HTTP 401: {"error":"bad credentials"}',
      }),
    ]);
    expect(await spool.list()).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it("retries refused connections until the server appears", async () => {
    const port = await freePort();
    const { spool, run, captured } = await setup(`http://127.0.0.1:${port}`);
    const written = await spool.write([loginEntry(1), loginEntry(2)]);
    const done = run();
    await waitFor("the outage to be logged", () =>
      captured.messages().some((m) => m.startsWith("API unavailable")),
    );
    const api = await startScriptedServer(port);
    cleanups.push(() => api.close());
    await done;
    expect(names(await spool.listTransmitted())).toEqual(names(written));
    const outage = captured.lines().find((l) => String(l.msg).startsWith("API unavailable"));
    expect(outage?.reason).toBe("ECONNREFUSED");
  });

  it("retries after connection resets", async () => {
    const api = await server();
    api.script((_, index) => (index < 2 ? "reset" : { status: 202 }));
    const { spool, run } = await setup(api.url, { concurrency: 1 });
    const written = await spool.write([loginEntry(1)]);
    await run();
    expect(names(await spool.listTransmitted())).toEqual(names(written));
    expect(api.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      loginEntry(1).id,
      loginEntry(1).id,
      loginEntry(1).id,
    ]);
  });

  it("gives up on a hanging server at the client timeout and retries", async () => {
    const api = await server();
    api.script((_, index) => (index === 0 ? "hang" : { status: 202 }));
    const { spool, run, captured } = await setup(api.url, { concurrency: 1, timeout_ms: 300 });
    const written = await spool.write([loginEntry(1)]);
    await run();
    expect(names(await spool.listTransmitted())).toEqual(names(written));
    const outage = captured.lines().find((l) => String(l.msg).startsWith("API unavailable"));
    expect(outage?.reason).toBe("timeout");
  });

  it("honours Retry-After before the next attempt", async () => {
    const api = await server();
    api.script((_, index) =>
      index === 0 ? { status: 429, headers: { "retry-after": "1" } } : { status: 202 },
    );
    const { spool, run } = await setup(api.url, { concurrency: 1 });
    await spool.write([loginEntry(1)]);
    await run();
    expect(api.requests).toHaveLength(2);
    const [first, second] = api.requests;
    // The backoff alone is at most 200 ms here; only Retry-After explains a 1 s gap.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("drains files written by the Perl original (no id): the spool derives a stable one", async () => {
    const api = await server();
    const { env, spool, run } = await setup(api.url);
    const parsed = env.config.application.parsed_entries_path;
    await spool.list(); // creates the directories
    const perl = {
      "login.1537372956.1234567.json":
        '{"status":"success","scope":"webmaild","type":"login","possessor":"blahuser","context":"mailbox","event":"login","log_time":1537372956,"ip":"10.10.10.10","credential":"rorymckinley@blah.capefox.co"}',
      "error.1537372960.1765432.json":
        '{"forward_to":"rorymckinley+cpanel@gmail.com","forward_type":"email","email":"rorymckinley@blah.capefox.co","log_time":1537372960,"context":"mailbox","event":"forward_added_partial_recipient","type":"error","status":"success"}',
    };
    for (const [name, text] of Object.entries(perl)) {
      await writeFile(join(parsed, name), text, { mode: 0o600 });
    }
    const ids = await Promise.all((await spool.list()).map((file) => spool.read(file)));
    const again = await Promise.all((await spool.list()).map((file) => spool.read(file)));
    expect(again.map((e) => e.id)).toEqual(ids.map((e) => e.id));
    await run();
    expect(names(await spool.listTransmitted())).toEqual(Object.keys(perl).sort());
    expect(api.requests.map((r) => [r.headers["idempotency-key"], bodyEntry(r.body)])).toEqual([
      [
        ids[0]?.id,
        {
          type: "login",
          time: 1537372956,
          ip: "10.10.10.10",
          mailbox_address: "rorymckinley@blah.capefox.co",
          context: "mailbox",
          host: "test-host",
        },
      ],
      [
        ids[1]?.id,
        {
          type: "forward_added_partial_recipient",
          time: 1537372960,
          mailbox_address: "rorymckinley@blah.capefox.co",
          forward_recipient: "rorymckinley+cpanel@gmail.com",
          context: "mailbox",
          host: "test-host",
        },
      ],
    ]);
  });

  it("quarantines files the spool refuses to read, counts them, and sends the rest", async () => {
    const api = await server();
    const { env, spool, run, captured } = await setup(api.url);
    const parsed = env.config.application.parsed_entries_path;
    const [good] = await spool.write([loginEntry(1)]);
    await writeFile(join(parsed, "login.1537372958.1111111.json"), '{"event":', { mode: 0o600 });
    await writeFile(join(env.root, "elsewhere.json"), JSON.stringify(loginEntry(2)), {
      mode: 0o600,
    });
    await symlink(join(env.root, "elsewhere.json"), join(parsed, "login.1537372959.2222222.json"));
    await run();
    expect(names(await spool.listTransmitted())).toEqual([good?.name]);
    expect((await spool.stats()).quarantined).toBe(2);
    expect(await spool.list()).toEqual([]);
    const skips = captured.lines().filter((l) => l.msg === "spool file rejected, quarantined");
    expect(skips.map((l) => [l.file, l.reason]).sort()).toEqual([
      ["login.1537372958.1111111.json", "bad-json"],
      ["login.1537372959.2222222.json", "symlink"],
    ]);
    expect(captured.lines().at(-1)).toEqual(
      expect.objectContaining({ msg: "transmitter stopped" }),
    );
    expect(captured.lines().find((l) => l.msg === "transmitter counts")).toEqual(
      expect.objectContaining({ transmitted: 1, quarantined: 2 }),
    );
  });

  it("moves entries of a kind that is not enabled to failed, and sends them once enabled", async () => {
    const api = await server();
    const hookEntry = {
      id: "f".repeat(32),
      type: "error",
      event: "filter_stored",
      log_time: 1_723_830_100,
      email: "user1@example.com",
      context: "mailbox",
    };
    const off = await setup(api.url);
    const [file] = await off.spool.write([hookEntry]);
    await off.run();
    expect(await off.spool.listFailed()).toEqual([
      expect.objectContaining({
        name: file?.name,
        reason:
          'event kind "filter_stored" is not enabled for transmission (add it to transmission.events, then: spoor spool retry)',
      }),
    ]);
    expect(api.requests).toHaveLength(0);
    const on = await setup(api.url, { events: ["filter_stored"] });
    await on.spool.write([hookEntry]);
    await on.run();
    expect(bodyEntry(api.requests[0]?.body ?? "")).toEqual({
      type: "filter_stored",
      time: 1_723_830_100,
      mailbox_address: "user1@example.com",
      context: "mailbox",
      host: "test-host",
    });
  });

  it("dry-run prints the exact requests with masked credentials and moves nothing", async () => {
    const api = await server();
    const { spool, run } = await setup(api.url);
    const written = await spool.write([loginEntry(1)]);
    const out = new PassThrough();
    let text = "";
    out.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    await run({ dryRun: true, out });
    const body = JSON.stringify({
      report: { entries: [formattedLogin(1)], metadata: { reporter: "test-host" } },
    });
    expect(text).toBe(
      [
        `# ${written[0]?.name}`,
        `POST ${api.url}/api/reports`,
        "Content-Type: application/json",
        "Accept: application/json",
        "Authorization: Basic ****",
        `Idempotency-Key: ${loginEntry(1).id}`,
        "User-Agent: spoor",
        "",
        body,
        "",
        "",
      ].join("\n"),
    );
    expect(api.requests).toHaveLength(0);
    expect(names(await spool.list())).toEqual(names(written));
    expect(text).not.toContain(Buffer.from("ID:SECRET").toString("base64"));
  });

  it("stops on abort with in-flight entries still queued", async () => {
    const api = await server();
    api.script(() => "hang");
    const { spool, run } = await setup(api.url, { concurrency: 1 });
    const written = await spool.write([loginEntry(1)]);
    const controller = new AbortController();
    const done = run({ signal: controller.signal, once: false });
    await waitFor("the request to arrive", () => api.requests.length === 1);
    controller.abort();
    await done;
    expect(names(await spool.list())).toEqual(names(written));
    expect(await spool.listTransmitted()).toEqual([]);
  });

  it("returns at once, sending nothing, when started with an aborted signal", async () => {
    const api = await server();
    const { spool, run } = await setup(api.url);
    const written = await spool.write([loginEntry(1)]);
    const controller = new AbortController();
    controller.abort();
    await run({ signal: controller.signal, once: false });
    expect(api.requests).toHaveLength(0);
    expect(names(await spool.list())).toEqual(names(written));
  });

  it("notices entries spooled while it runs and sends them", async () => {
    const api = await server();
    const { spool, run } = await setup(api.url);
    const controller = new AbortController();
    const done = run({ signal: controller.signal, once: false });
    const first = await spool.write([loginEntry(1)]);
    await waitFor("the first entry", async () => (await spool.listTransmitted()).length === 1);
    const second = await spool.write([loginEntry(2)]);
    await waitFor("the second entry", async () => (await spool.listTransmitted()).length === 2);
    controller.abort();
    await done;
    expect(names(await spool.listTransmitted())).toEqual(names([...first, ...second]));
  });
});
