/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AlertJson } from "../../src/index.js";
import { runCleanups } from "../helpers.js";
import {
  getJson,
  launchChromium,
  openPage,
  post,
  signIn,
  startConsoleServer,
} from "./console-fixture.js";
import { reportOf, takeoverEntries } from "./takeover.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());
afterEach(runCleanups);

// Each would run script or add an element if it were parsed as HTML anywhere.
const HOST = "<img src=x onerror=alert(1)>";
const MAILBOX = '"><script>window.__pwned=1</script>@example.com';
const RECIPIENT = "<svg onload=alert(2)>@evil.example";
const CONTEXT = "</textarea><iframe src=javascript:alert(3)>";
const UNKNOWN_TYPE = "<b onmouseover=alert(4)>bold</b>";
const AGENT = "<object data=x></object>";

/** No element a payload would create exists, no script ran, no dialog opened. */
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  const found = await page.evaluate(() => ({
    created: document.querySelectorAll("img, svg, iframe, object, embed, b, textarea").length,
    scripts: [...document.scripts].map((script) => script.getAttribute("src")),
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
  }));
  expect(found.created).toBe(0);
  expect(found.scripts).toHaveLength(1);
  expect(found.scripts[0]).toMatch(/^\/assets\/console-[A-Za-z0-9]+\.js$/);
  expect(found.pwned).toBeNull();
  expect(dialogs).toStrictEqual([]);
}

/** The text is on the page, visible, as text. */
async function expectVisibleText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: "visible" });
}

describe("hostile strings from a host", () => {
  it("stay text in the queue, the detail, the mailbox and the hosts views", async () => {
    const { server, analyst, basic } = await startConsoleServer();
    const pair = basic({ identifier: "demo", secret: "demo-secret" });
    const now = Math.floor(Date.now() / 1000);
    const entries = [
      ...takeoverEntries(
        { host: HOST, mailbox: MAILBOX, recipient: RECIPIENT, context: CONTEXT },
        now,
      ),
      { type: UNKNOWN_TYPE, time: now - 30, host: HOST, mailbox_address: MAILBOX, ip: CONTEXT },
    ];
    expect(await post(server.url, pair, "/api/reports", reportOf(entries, HOST))).toBe(202);
    expect(
      await post(server.url, pair, "/api/heartbeats", {
        host: HOST,
        agent_version: AGENT,
        queue_depth: 1,
      }),
    ).toBe(202);
    const { alerts } = await getJson<{ alerts: AlertJson[] }>(
      server.url,
      basic(analyst),
      "/api/alerts",
    );
    const takeover = alerts.find((alert) => alert.rule === "takeover-sequence")!;
    expect(takeover.hosts).toStrictEqual([HOST]);

    const { page, dialogs, errors } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await signIn(page, analyst.identifier, analyst.secret);
    await page.locator(`table.alerts tbody tr[data-alert-id="${takeover.id}"]`).waitFor();
    await expectVisibleText(page, HOST);
    await expectVisibleText(page, MAILBOX);
    await expectVisibleText(page, takeover.summary.slice(0, 60));
    await expectInert(page, dialogs);

    // A filter holding a hostile string goes into the hash and the API query as text.
    await page.getByLabel("Host").fill(HOST);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForFunction(() => location.hash.includes("host="));
    await page.locator(`table.alerts tbody tr[data-alert-id="${takeover.id}"]`).waitFor();
    expect(await page.getByLabel("Host").inputValue()).toBe(HOST);
    await expectInert(page, dialogs);

    await page.goto(`${server.url}/#/alerts/${takeover.id}`);
    await page.locator("ol.timeline > li").first().waitFor();
    await expectVisibleText(page, RECIPIENT);
    await expectVisibleText(page, HOST);
    await expectInert(page, dialogs);

    await page.goto(`${server.url}/#/mailboxes/${encodeURIComponent(MAILBOX)}`);
    await page.getByRole("heading", { name: `Mailbox ${MAILBOX}` }).waitFor();
    await expectVisibleText(page, UNKNOWN_TYPE);
    await expectVisibleText(page, RECIPIENT);
    await expectVisibleText(page, CONTEXT); // sent as the unknown entry's ip
    await expectInert(page, dialogs);

    await page.goto(`${server.url}/#/hosts`);
    await page.getByRole("heading", { name: "Hosts" }).waitFor();
    await expectVisibleText(page, AGENT);
    await expectVisibleText(page, HOST);
    await expectInert(page, dialogs);
    expect(errors).toStrictEqual([]);
  });
});
