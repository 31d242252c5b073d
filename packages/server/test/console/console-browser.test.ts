/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser.)
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { AlertJson, MailboxEventJson } from "../../src/index.js";
import {
  getJson,
  openPage,
  post,
  screenshot,
  signIn,
  startConsoleServer,
  takeoverAlert,
  useChromium,
} from "./console-fixture.js";
import { reportOf, takeoverEntries } from "./takeover.js";

const chromiumBrowser = useChromium();

const MAILBOX = "alice@example.com";
const RECIPIENT = "attacker@evil.example";

describe("the console in Chromium", () => {
  it("shows a planted takeover at the top, its evidence, and marks it", async () => {
    const { server, analyst, reporter, basic, advance } = await startConsoleServer();
    const now = Math.floor(Date.now() / 1000);
    // web2's agent sends a heartbeat, then falls silent for 20 minutes; web1 keeps beating.
    expect(
      await post(server.url, basic(analystPair), "/api/heartbeats", {
        host: "web2",
        agent_version: "1.4.0",
        queue_depth: 0,
      }),
    ).toBe(202);
    advance(20 * 60_000);
    const entries = takeoverEntries({ host: "web1", mailbox: MAILBOX, recipient: RECIPIENT }, now);
    expect(await post(server.url, basic(reporter), "/api/reports", reportOf(entries, "web1"))).toBe(
      202,
    );
    expect(
      await post(server.url, basic(reporter), "/api/heartbeats", {
        host: "web1",
        agent_version: "1.4.0",
        queue_depth: 3,
      }),
    ).toBe(202);
    const { alerts, takeover } = await takeoverAlert(server.url, basic(analyst));
    // The queue opens on severity medium and up (as notifications do): the takeover is the
    // newest of those; the low external-forwarder alert of the same forwarder is newer.
    expect(
      alerts.filter((alert) => alert.severity !== "info" && alert.severity !== "low")[0]!.id,
    ).toBe(takeover.id);

    const { page, requests, dialogs, errors } = await openPage(chromiumBrowser());
    await page.goto(`${server.url}/`);
    await signIn(page, analyst.identifier, analyst.secret);
    const firstRow = page.locator("table.alerts tbody tr").first();
    await firstRow.waitFor();
    expect(await firstRow.getAttribute("data-alert-id")).toBe(String(takeover.id));
    expect(await firstRow.locator("td").nth(1).textContent()).toBe("takeover-sequence");
    expect(await firstRow.locator("td").nth(0).textContent()).toBe("high");
    expect(await firstRow.locator("td").nth(2).textContent()).toBe(MAILBOX);
    expect(await firstRow.locator("td").nth(3).textContent()).toBe("web1");
    expect(await firstRow.locator("td").nth(4).textContent()).toBe("open");
    await screenshot(page, "alert-queue");

    // Live update: a second takeover appears without a reload.
    const bob = takeoverEntries(
      { host: "web1", mailbox: "bob@example.com", recipient: RECIPIENT },
      now,
    );
    expect(await post(server.url, basic(reporter), "/api/reports", reportOf(bob, "web1"))).toBe(
      202,
    );
    const later = await getJson<{ alerts: AlertJson[] }>(server.url, basic(analyst), "/api/alerts");
    const bobAlert = later.alerts.find(
      (alert) =>
        alert.rule === "takeover-sequence" && alert.mailbox_addresses[0] === "bob@example.com",
    )!;
    await page
      .locator(`table.alerts tbody tr[data-alert-id="${bobAlert.id}"]`)
      .waitFor({ timeout: 30_000 });
    expect(await page.locator("table.alerts tbody tr").count()).toBeGreaterThanOrEqual(2);
    const takeoverRow = page.locator(`table.alerts tbody tr[data-alert-id="${takeover.id}"]`);

    // The evidence: the login from the new network with its ASN and country, the forwarder.
    await takeoverRow.getByRole("link", { name: "takeover-sequence" }).click();
    await page.getByRole("heading", { name: `Alert ${takeover.id}: takeover-sequence` }).waitFor();
    expect(await page.locator(".alert-summary").textContent()).toBe(takeover.summary);
    const timeline = page.locator(".evidence ol.timeline > li");
    await timeline.first().waitFor();
    expect(await timeline.count()).toBe(takeover.event_ids.length);
    const evidence = await timeline.allTextContents();
    const login = evidence.find((text) => text.includes("Login"))!;
    expect(login).toContain("185.220.101.0/24");
    expect(login).toContain("AS60729");
    expect(login).toContain("DE");
    const forward = evidence.find((text) => text.includes("Forwarder added"))!;
    expect(forward).toContain(RECIPIENT);
    // Around it: the forwarder's removal two hours later, with its recipient.
    const removalNearby = page.locator(".around ol.timeline > li.type-forward_removed");
    expect(await removalNearby.textContent()).toContain(RECIPIENT);
    await screenshot(page, "alert-detail");

    // Acknowledge, then false positive: the API sees both, and the evidence becomes benign.
    const apiGet = <T>(path: string) => getJson<T>(server.url, basic(analyst), path);
    for (const [button, state] of [
      ["Acknowledge", "acknowledged"],
      ["False positive", "false_positive"],
    ] as const) {
      await page.getByRole("button", { name: button }).click();
      await page.locator(`.facts .state-${state}`).waitFor();
      expect((await apiGet<AlertJson>(`/api/alerts/${takeover.id}`)).state).toBe(state);
    }
    const marked = await apiGet<AlertJson>(`/api/alerts/${takeover.id}`);
    for (const id of marked.event_ids) {
      expect((await apiGet<MailboxEventJson>(`/api/mailbox_events/${id}`)).class).toBe("benign");
    }

    // The mailbox: both networks and the removal in its timeline.
    await page.getByRole("link", { name: MAILBOX }).first().click();
    await page.getByRole("heading", { name: `Mailbox ${MAILBOX}` }).waitFor();
    const networks = await page.locator("table.networks tbody tr").allTextContents();
    expect(networks).toHaveLength(2);
    expect(networks[0]).toContain("185.220.101.0/24");
    expect(networks[1]).toContain("81.2.69.0/24");
    expect(await page.locator("ol.timeline > li").count()).toBe(13);
    const removal = page.locator("ol.timeline > li.type-forward_removed");
    expect(await removal.textContent()).toContain(RECIPIENT);
    await screenshot(page, "mailbox");

    // Hosts: web2 is flagged silent, web1 reports.
    await page.getByRole("link", { name: "Hosts" }).click();
    await page.getByRole("heading", { name: "Hosts" }).waitFor();
    const silentRow = page.locator("table.hosts tr.silent");
    expect(await silentRow.count()).toBe(1);
    expect(await silentRow.locator("td").first().textContent()).toBe("web2");
    const rows = await page.locator("table.hosts tbody tr").allTextContents();
    expect(rows.find((text) => text.startsWith("web1"))).toContain("reporting");
    await screenshot(page, "hosts");

    // Sign out: the form is back, and the old cookie opens nothing.
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "spoor_session")!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", secure: false });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    const after = await fetch(`${server.url}/api/alerts`, {
      headers: { cookie: `spoor_session=${session.value}`, "x-spoor-console": "1" },
    });
    expect(after.status).toBe(401);

    expect(dialogs).toStrictEqual([]);
    expect(errors).toStrictEqual([]);
    expect(requests.every((url) => url.startsWith(`${server.url}/`))).toBe(true);
  });

  it("refuses a wrong secret and a reporter credential at sign-in", async () => {
    const { server, analyst, reporter } = await startConsoleServer();
    const { page, context } = await openPage(chromiumBrowser());
    await page.goto(`${server.url}/`);
    await signIn(page, analyst.identifier, "not-the-secret");
    await page.getByText("Sign-in refused: unknown identifier or wrong secret.").waitFor();
    await signIn(page, reporter.identifier, reporter.secret);
    await page.getByText("only an analyst credential may sign in to the console").waitFor();
    expect((await context.cookies()).some((cookie) => cookie.name === "spoor_session")).toBe(false);
    expect(await page.locator("table.alerts").count()).toBe(0);
  });

  it("refuses a change without the CSRF token with 403, from inside the signed-in page", async () => {
    const { server, analyst, basic } = await startConsoleServer();
    const now = Math.floor(Date.now() / 1000);
    const entries = takeoverEntries({ host: "web1", mailbox: MAILBOX, recipient: RECIPIENT }, now);
    await post(server.url, basic(analystPair), "/api/reports", reportOf(entries, "web1"));
    const { page } = await openPage(chromiumBrowser());
    await page.goto(`${server.url}/`);
    await signIn(page, analyst.identifier, analyst.secret);
    await page.locator("table.alerts tbody tr").first().waitFor();
    const statuses = await page.evaluate(async () => {
      const patch = (headers: Record<string, string>) =>
        fetch("/api/alerts/1", {
          method: "PATCH",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ state: "resolved" }),
        }).then((response) => response.status);
      return [await patch({}), await patch({ "x-csrf-token": "forged-token-value-000000" })];
    });
    expect(statuses).toStrictEqual([403, 403]);
    const alert = await getJson<AlertJson>(server.url, basic(analyst), "/api/alerts/1");
    expect(alert.state).toBe("open");
  });
});

const analystPair = { identifier: "demo", secret: "demo-secret" };

// Each would run script or add an element if it were parsed as HTML anywhere.
const EVIL_HOST = "<img src=x onerror=alert(1)>";
const EVIL_MAILBOX = '"><script>window.__pwned=1</script>@example.com';
const EVIL_RECIPIENT = "<svg onload=alert(2)>@evil.example";
const EVIL_CONTEXT = "</textarea><iframe src=javascript:alert(3)>";
const EVIL_UNKNOWN_TYPE = "<b onmouseover=alert(4)>bold</b>";
const EVIL_AGENT = "<object data=x></object>";

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
        {
          host: EVIL_HOST,
          mailbox: EVIL_MAILBOX,
          recipient: EVIL_RECIPIENT,
          context: EVIL_CONTEXT,
        },
        now,
      ),
      {
        type: EVIL_UNKNOWN_TYPE,
        time: now - 30,
        host: EVIL_HOST,
        mailbox_address: EVIL_MAILBOX,
        ip: EVIL_CONTEXT,
      },
    ];
    expect(await post(server.url, pair, "/api/reports", reportOf(entries, EVIL_HOST))).toBe(202);
    expect(
      await post(server.url, pair, "/api/heartbeats", {
        host: EVIL_HOST,
        agent_version: EVIL_AGENT,
        queue_depth: 1,
      }),
    ).toBe(202);
    const { takeover } = await takeoverAlert(server.url, basic(analyst));
    expect(takeover.hosts).toStrictEqual([EVIL_HOST]);

    const { page, dialogs, errors } = await openPage(chromiumBrowser());
    await page.goto(`${server.url}/`);
    await signIn(page, analyst.identifier, analyst.secret);
    await page.locator(`table.alerts tbody tr[data-alert-id="${takeover.id}"]`).waitFor();
    await expectVisibleText(page, EVIL_HOST);
    await expectVisibleText(page, EVIL_MAILBOX);
    await expectVisibleText(page, takeover.summary.slice(0, 60));
    await expectInert(page, dialogs);

    // A filter holding a hostile string goes into the hash and the API query as text.
    await page.getByLabel("Host").fill(EVIL_HOST);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForFunction(() => location.hash.includes("host="));
    await page.locator(`table.alerts tbody tr[data-alert-id="${takeover.id}"]`).waitFor();
    expect(await page.getByLabel("Host").inputValue()).toBe(EVIL_HOST);
    await expectInert(page, dialogs);

    await page.goto(`${server.url}/#/alerts/${takeover.id}`);
    await page.locator("ol.timeline > li").first().waitFor();
    await expectVisibleText(page, EVIL_RECIPIENT);
    await expectVisibleText(page, EVIL_HOST);
    await expectInert(page, dialogs);

    await page.goto(`${server.url}/#/mailboxes/${encodeURIComponent(EVIL_MAILBOX)}`);
    await page.getByRole("heading", { name: `Mailbox ${EVIL_MAILBOX}` }).waitFor();
    await expectVisibleText(page, EVIL_UNKNOWN_TYPE);
    await expectVisibleText(page, EVIL_RECIPIENT);
    await expectVisibleText(page, EVIL_CONTEXT); // sent as the unknown entry's ip
    await expectInert(page, dialogs);

    await page.goto(`${server.url}/#/hosts`);
    await page.getByRole("heading", { name: "Hosts" }).waitFor();
    await expectVisibleText(page, EVIL_AGENT);
    await expectVisibleText(page, EVIL_HOST);
    await expectInert(page, dialogs);
    expect(errors).toStrictEqual([]);
  });
});
