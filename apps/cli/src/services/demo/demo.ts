import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Alert,
  createApiClient,
  formatRecordsTable,
  type MailboxEventRecord,
} from "@spoor/api-client";
import { LOG_TYPES, type LogType, loadConfig, reporterFor } from "@spoor/config";
import { install } from "../install/install.js";
import { resolveDaemonEntries } from "../systemd/daemon-entries.js";
import { ChildGroup } from "./child-processes.js";
import { waitForAlerts } from "./demo-alerts-wait.js";
import { describeDemoEnding } from "./demo-ending.js";
import { locateDemoFiles, readCorpus, readScenario } from "./demo-files.js";
import { DEMO_HISTORY, postDemoHistory } from "./demo-history.js";
import { slices } from "./demo-replay.js";
import { demoServer } from "./demo-server.js";
import { startDemoSpoorServer } from "./demo-spoor-server.js";
import { waitForRecords } from "./demo-wait.js";
import { type SinkDelivery, startWebhookSink, type WebhookSink } from "./demo-webhook-sink.js";

/** How the demo runs. */
export interface DemoOptions {
  /** Receives one line per step, as it happens. */
  onStep: (line: string) => void;
  /** Aborting stops the demo (children stopped, root removed) with an AbortError. */
  signal?: AbortSignal;
  /** How long the server may take to hold every expected event (default 40 s), and then
   *  to raise the alert and deliver its notifications (the same again). */
  deadlineMs?: number;
}

/** What the demo ends with. */
export interface DemoResult {
  /** The mailbox events of the replay (not the history) the server holds, oldest first. */
  records: MailboxEventRecord[];
  /** The records as `spoor mailbox-event list --output table` prints them. */
  table: string;
  /** Every alert the server raised, newest first. */
  alerts: Alert[];
  /** What the local webhook received. */
  deliveries: SinkDelivery[];
  /** The ending in words: the alerts, then the webhook's notifications. */
  ending: string[];
  /** How each child process ended (exit code or signal), by name. */
  endings: Record<string, number | string>;
  elapsedMs: number;
}

/**
 * `spoor demo` (contract §7, server.md §7): starts a local webhook sink and the spoor server
 * (in-memory SQLite, random credentials, notifying the sink), gives the server a month of
 * the victim's ordinary logins as history, installs spoor into a throw-away root, starts the
 * agent on it, replays real cPanel background traffic mixed with a webmail login from a new
 * address and a forwarder added (with its hook event) and removed, waits until the server
 * holds every expected event, raised the takeover alert and the sink received its
 * notifications (signatures checked), then stops every child (SIGTERM, waiting for exit),
 * the sink, and removes the root, also on failure or abort. The API secret and the webhook
 * secret are never passed to `onStep`.
 * @throws Error when a child fails or the deadline passes (with the agent's last log
 *   lines); UserFacingError outside a clone; AbortError when `signal` aborts.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const say = options.onStep;
  const files = locateDemoFiles();
  const scenario = await readScenario(files.demoDirectory);
  const corpus = await readCorpus(files.corpusDirectory);
  const group = new ChildGroup();
  const root = await mkdtemp(join(tmpdir(), "spoor-demo-"));
  const checkAbort = () => options.signal?.throwIfAborted();
  let result: Omit<DemoResult, "endings" | "elapsedMs"> | undefined;
  let endings: Record<string, number | string> = {};
  let sink: WebhookSink | undefined;
  try {
    say(`a throw-away cPanel server in ${root}`);
    const identifier = `demo-${randomBytes(3).toString("hex")}`;
    const secret = randomBytes(24).toString("base64url");
    const credentials = { api_identifier: identifier, api_secret: secret };
    const webhookSecret = randomBytes(24).toString("base64url");
    sink = await startWebhookSink(webhookSecret);
    const { url } = await startDemoSpoorServer({
      group,
      directory: root,
      credentials,
      webhook: { url: sink.url, secret: webhookSecret },
    });
    say(
      `server: spoor server at ${url} (SQLite in memory, random credentials), notifying a local webhook at ${sink.url} (HMAC-signed)`,
    );
    checkAbort();

    const parts = Object.fromEntries(
      LOG_TYPES.map((type) => [type, slices(corpus[type], scenario.length + 1)]),
    ) as Record<LogType, Buffer[][]>;
    const server = demoServer(root);
    await server.create(pick(parts, 0));
    say(
      `cPanel logs: ${count(pick(parts, 0))} lines of history from a real cPanel 11.120 server, timestamps moved to now`,
    );

    await install({
      root,
      choices: { apiIdentifier: identifier, apiSecret: secret, apiHost: url },
    });
    say(
      `installed: spoor install --non-interactive --root ${root} --api-host ${url} --api-identifier ${identifier} --api-secret-stdin`,
    );
    const configPath = join(root, "etc/spoor/spoor.yml");
    const config = await loadConfig({ path: configPath, root });
    await server.markFollowed(config);
    const reporter = reporterFor(config);
    const history = createApiClient({ host: url, credentials });
    try {
      await postDemoHistory(history, reporter, Math.floor(Date.now() / 1000));
    } finally {
      history.close();
    }
    say(
      `history: ${DEMO_HISTORY.mailbox} logged in to webmail from her office, ${DEMO_HISTORY.ip}, once a day for the last ${DEMO_HISTORY.days} days (${DEMO_HISTORY.days} reports, as the agent would have sent them)`,
    );
    const replayStart = Math.floor(Date.now() / 1000);

    const agentEntry = resolveDaemonEntries()["spoor-agent"];
    const agent = group.start("agent", [
      process.execPath,
      agentEntry,
      "--config",
      configPath,
      "--root",
      root,
    ]);
    say(`agent: spoor-agent --config ${configPath} --root ${root} (pid ${agent.process.pid})`);

    for (const [index, step] of scenario.entries()) {
      // One second per step, so the events' times tell the story in order.
      await untilNextSecond();
      checkAbort();
      const background = pick(parts, index + 1);
      for (const type of LOG_TYPES) await server.append(type, background[type]);
      for (const file of step.files) {
        const path = join(files.demoDirectory, file);
        if (file.endsWith(".hook.json")) {
          await server.runHook(
            group,
            join(root, "usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook"),
            configPath,
            path,
          );
        } else {
          await server.appendFile(path);
        }
      }
      say(`${step.say}, amid ${count(background)} lines of routine traffic`);
    }

    const expected = scenario.flatMap((step) => step.expect);
    const waitStarted = Date.now();
    const signal = options.signal === undefined ? {} : { signal: options.signal };
    const deadlineMs = options.deadlineMs ?? 40_000;
    const records = await waitForRecords({
      url,
      credentials,
      reporter,
      expected,
      since: replayStart,
      agent,
      deadlineMs,
      ...signal,
    });
    say(
      `the server holds ${records.length} new mailbox events (${seconds(Date.now() - waitStarted)} s after the last line; the two halves of the forwarder merged into one)`,
    );
    const { alerts, deliveries } = await waitForAlerts({
      url,
      credentials,
      rule: "takeover-sequence",
      notifyMinSeverity: "medium",
      deliveries: sink.deliveries,
      deadlineMs,
      ...signal,
    });
    say(
      `the server raised ${alerts.length} alerts and the webhook received ${deliveries.length} notifications (${seconds(Date.now() - waitStarted)} s after the last line)`,
    );
    result = {
      records,
      table: formatRecordsTable("mailbox_event", records),
      alerts,
      deliveries,
      ending: describeDemoEnding(alerts, deliveries),
    };
  } finally {
    endings = await group.stopAll();
    group.dispose();
    await sink?.close();
    await rm(root, { recursive: true, force: true });
  }
  say(
    `stopped the agent (${describeEnding(endings.agent)}) and the server (${describeEnding(endings.server)}); removed ${root}`,
  );
  return { ...result!, endings, elapsedMs: Date.now() - started };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** Resolves once the wall clock has entered the next whole second. */
function untilNextSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

function pick(parts: Record<LogType, Buffer[][]>, index: number): Record<LogType, Buffer[]> {
  return Object.fromEntries(LOG_TYPES.map((type) => [type, parts[type][index] ?? []])) as Record<
    LogType,
    Buffer[]
  >;
}

function count(lines: Record<LogType, Buffer[]>): number {
  return LOG_TYPES.reduce((sum, type) => sum + lines[type].length, 0);
}

function describeEnding(ending: number | string | undefined): string {
  if (ending === undefined) return "already stopped";
  return typeof ending === "number" ? `exit ${ending}` : ending;
}
