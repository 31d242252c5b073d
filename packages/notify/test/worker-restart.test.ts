import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor } from "@spoor/test-support";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSqliteOutbox } from "../src/index.js";
import { makeAlert } from "./alert-fixture.js";
import { startWebhookSink, type WebhookSink } from "./webhook-sink.js";

const secret = "restart-secret-0123456789";
const script = fileURLToPath(new URL("./worker-process.mjs", import.meta.url));
const channels = [{ name: "hook", min_severity: "medium" as const }];

let directory: string;
let sink: WebhookSink;
const children: ChildProcess[] = [];
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "notify-restart-"));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await sink?.close();
  rmSync(directory, { recursive: true, force: true });
});

function startWorker(path: string): ChildProcess {
  const child = spawn(process.execPath, [script, path, sink.url, secret], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<number | string | null> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
}

describe("notify worker across a kill -9", () => {
  it("delivers a row that was being sent when the process died (at-least-once), losing none", async () => {
    expect(existsSync(fileURLToPath(new URL("../dist/index.js", import.meta.url)))).toBe(true);
    sink = await startWebhookSink(secret);
    const path = join(directory, "spoor.sqlite");
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    const outbox = createSqliteOutbox(db, { channels });
    db.transaction(() => {
      for (const id of [1, 2, 3]) outbox.enqueue({ alert: makeAlert({ id }), reason: "opened" });
    })();

    sink.answers.push("hang"); // the first attempt reaches the peer and never gets its answer
    const first = startWorker(path);
    await sink.waitFor(1);
    first.kill("SIGKILL");
    expect(await exited(first)).toBe("SIGKILL");
    expect((await outbox.list()).map((row) => row.state)).toEqual([
      "pending",
      "pending",
      "pending",
    ]);

    const second = startWorker(path);
    await waitFor(
      "every row delivered",
      async () => (await outbox.list({ state: "delivered" })).length === 3,
    );
    // Alert 1 twice (its claim outlived the process, then it was sent again), the others once.
    const deliveries = sink.requests.map((request) => [request.body.id, request.signatureValid]);
    expect(deliveries.sort()).toEqual([
      [1, true],
      [1, true],
      [2, true],
      [3, true],
    ]);
    const ofFirst = sink.requests.filter((request) => request.body.id === 1);
    expect(ofFirst[0]?.headers["x-spoor-delivery"]).toBe(ofFirst[1]?.headers["x-spoor-delivery"]);
    second.kill("SIGTERM");
    expect(await exited(second)).toBe(0);
    db.close();
  });
});
