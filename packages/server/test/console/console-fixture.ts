import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromiumLaunchOptions, makeTempDir } from "@spoor/test-support";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import {
  type AlertJson,
  createCredentialStore,
  openServerDatabase,
  type SpoorServer,
  startServer,
} from "../../src/index.js";
import { cleanups, credentialRecordsOf, rawRequest, runCleanups } from "../helpers.js";

/** Where the e2e tests leave their screenshots (gitignored). */
export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-artifacts");

/** Debian's Chromium with this machine's flags, for the tests of one file (launched once). */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(() => browser?.close());
  afterEach(runCleanups);
  return () => browser!;
}

/** A server on a database file holding an analyst and a reporter credential. */
export interface ConsoleServer {
  server: SpoorServer;
  analyst: { identifier: string; secret: string };
  reporter: { identifier: string; secret: string };
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  /** Basic auth header of a credential. */
  basic(credential: { identifier: string; secret: string }): string;
}

/**
 * Starts a real server on 127.0.0.1:0 over a fresh SQLite file with credentials `desk`
 * (analyst) and `web1` (reporter for web1), plus the `--credentials` pair `demo:demo-secret`.
 */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const dir = await makeTempDir("spoor-console-");
  cleanups.push(() => dir.cleanup());
  const file = join(dir.path, "spoor.sqlite");
  const db = openServerDatabase(`sqlite:${file}`);
  const store = createCredentialStore(credentialRecordsOf(db), () => Math.floor(Date.now() / 1000));
  const analyst = await store.add("desk", "analyst");
  const reporter = await store.add("web1", "reporter", "web1");
  db.close();
  let offset = 0;
  const server = await startServer({
    database: `sqlite:${file}`,
    credentials: [{ identifier: "demo", secret: "demo-secret" }],
    clock: () => Date.now() + offset,
  });
  cleanups.push(() => server.close());
  return {
    server,
    analyst: { identifier: analyst.api_identifier, secret: analyst.api_secret },
    reporter: { identifier: reporter.api_identifier, secret: reporter.api_secret },
    advance(ms) {
      offset += ms;
    },
    basic: ({ identifier, secret }) =>
      `Basic ${Buffer.from(`${identifier}:${secret}`).toString("base64")}`,
  };
}

/** Posts a report (202 expected) or a heartbeat through the real API. */
export async function post(
  url: string,
  authorization: string,
  path: "/api/reports" | "/api/heartbeats",
  body: unknown,
): Promise<number> {
  const answer = await rawRequest(url, {
    method: "POST",
    path,
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return answer.status;
}

/** GETs JSON through the real API with Basic auth. */
export async function getJson<T>(url: string, authorization: string, path: string): Promise<T> {
  const answer = await rawRequest(url, { path, headers: { authorization } });
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body) as T;
}

/** The alerts (newest first) and the takeover-sequence alert among them, through the API. */
export async function takeoverAlert(url: string, authorization: string) {
  const { alerts } = await getJson<{ alerts: AlertJson[] }>(url, authorization, "/api/alerts");
  const takeover = alerts.find((alert) => alert.rule === "takeover-sequence");
  if (takeover === undefined) throw new Error("no takeover-sequence alert was raised");
  return { alerts, takeover };
}

/** What a page did that a test checks: requests it sent, dialogs it opened, console errors. */
export interface PageRecord {
  page: Page;
  context: BrowserContext;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** A fresh browser context and page that records its requests, dialogs and errors. */
export async function openPage(browser: Browser): Promise<PageRecord> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const record: PageRecord = { page, context, requests: [], dialogs: [], errors: [] };
  page.on("request", (request) => record.requests.push(request.url()));
  page.on("dialog", (dialog) => {
    record.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => record.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") record.errors.push(message.text());
  });
  return record;
}

/** Fills the sign-in form by its labels and presses "Sign in". */
export async function signIn(page: Page, identifier: string, secret: string): Promise<void> {
  await page.getByLabel("Identifier").fill(identifier);
  await page.getByLabel("Secret").fill(secret);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Saves a full-page screenshot into the artifacts directory. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
