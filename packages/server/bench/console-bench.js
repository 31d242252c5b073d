// pnpm bench (console part): how fast the console's lists answer over a database of 1 M
// mailbox events (1 M reports, 50 000 alerts, 200 hosts, 20 000 mailboxes), written straight
// into SQLite through the server's own schema, then served by a real server: the API
// latency of the alert queue (default and filtered), the hosts list, a mailbox's timeline,
// and, in Debian's Chromium, the time from opening the console to the queue's rows on
// screen (README "Console benchmark").
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumLaunchOptions } from "@spoor/test-support";
import { chromium } from "playwright-core";
import { openServerDatabase, startServer } from "../dist/index.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ALERT_EVERY = 20;
const HOSTS = 200;
const MAILBOXES = 20_000;
const T0 = Math.floor(Date.now() / 1000) - 200 * 86_400;
const SEVERITIES = ["info", "info", "info", "info", "info", "info", "low", "low", "medium", "high"];
const AUTH = `Basic ${Buffer.from("bench:bench-secret").toString("base64")}`;

const dir = mkdtempSync(join(tmpdir(), "spoor-console-bench-"));
const file = `sqlite:${join(dir, "spoor.sqlite")}`;
let started = performance.now();
const db = openServerDatabase(file);
const addSubmission = db.prepare(
  "INSERT INTO submissions (identifier, idempotency_key, body_sha256, reporter, received_at) VALUES ('bench', ?, 'x', ?, ?)",
);
const addEvent = db.prepare(
  `INSERT INTO mailbox_events (event_time, host, type, mailbox_address, ip_address, network, asn, country, mailbox_domain)
   VALUES (?, ?, 'login', ?, ?, ?, 64500, 'DE', 'example.com')`,
);
const addReport = db.prepare(
  `INSERT INTO reports (submission_id, event_id, event_time, host, type, mailbox_address, content_sha256, entry)
   VALUES (?, ?, ?, ?, 'login', ?, 'x', '{}')`,
);
const addAlert = db.prepare(
  `INSERT INTO alerts (rule, severity, state, alert_key, hosts, mailbox_addresses, ips, forward_recipients, summary,
     first_event_time, last_event_time, anchor_first, anchor_last, incidents, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, '[]', ?, ?)`,
);
const link = db.prepare("INSERT INTO alert_events (alert_id, event_id) VALUES (?, ?)");
db.transaction(() => {
  let submission = 0;
  for (let i = 0; i < EVENTS; i++) {
    const host = `web${i % HOSTS}.example.net`;
    const mailbox = `user${i % MAILBOXES}@example.com`;
    const ip = `198.51.${(i >> 8) % 256}.${i % 256}`;
    const time = T0 + Math.floor((i * 200 * 86_400) / EVENTS);
    if (i % 100 === 0) submission = Number(addSubmission.run(`k${i}`, host, time).lastInsertRowid);
    const event = Number(
      addEvent.run(time, host, mailbox, ip, ip.replace(/\.\d+$/, ".0/24")).lastInsertRowid,
    );
    addReport.run(submission, event, time, host, mailbox);
    if (i % ALERT_EVERY === ALERT_EVERY - 1) {
      const severity = SEVERITIES[((i / ALERT_EVERY) % SEVERITIES.length) | 0];
      const state = i > EVENTS * 0.95 ? "open" : "resolved";
      const alert = Number(
        addAlert.run(
          "novel-login",
          severity,
          state,
          `["${host}","${mailbox}"]`,
          JSON.stringify([host]),
          JSON.stringify([mailbox]),
          JSON.stringify([ip]),
          `${mailbox}: first login from ${ip}`,
          time,
          time,
          time,
          time,
          time,
          time,
        ).lastInsertRowid,
      );
      link.run(alert, event);
      link.run(alert, event - 1);
    }
  }
})();
db.close();
const builtSeconds = (performance.now() - started) / 1000;

const server = await startServer({
  database: file,
  credentials: [{ identifier: "bench", secret: "bench-secret" }],
});

async function timed(path, runs = 15) {
  const times = [];
  let body;
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: AUTH } });
    body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[runs >> 1], max: times[runs - 1], body };
}

const rows = [];
const measure = async (what, path, count) => {
  const { median, max, body } = await timed(path);
  rows.push({ what, median_ms: +median.toFixed(1), max_ms: +max.toFixed(1), records: count(body) });
};
const alerts = (body) => body.alerts.length;
await measure(
  "queue (severity ≥ medium)",
  "/api/alerts?alerts%5Bmin_severity%5D=medium&limit=100",
  alerts,
);
await measure("queue, every severity", "/api/alerts?limit=100", alerts);
await measure("queue, state open", "/api/alerts?alerts%5Bstate%5D=open&limit=100", alerts);
await measure(
  "queue, one host",
  "/api/alerts?alerts%5Bhost%5D=web19.example.net&limit=100",
  alerts,
);
await measure(
  "queue, one mailbox",
  "/api/alerts?alerts%5Bmailbox_address%5D=user19%40example.com&limit=100",
  alerts,
);
await measure(
  "queue, state false_positive (none: worst case)",
  "/api/alerts?alerts%5Bstate%5D=false_positive&limit=100",
  alerts,
);
await measure(
  "queue, unknown mailbox (worst case: every alert read)",
  "/api/alerts?alerts%5Bmailbox_address%5D=nobody%40example.com&limit=100",
  alerts,
);
await measure("queue, older page", "/api/alerts?limit=100&before_id=25000", alerts);
await measure("hosts", "/api/hosts", (body) => body.hosts.length);
await measure(
  "mailbox timeline (500)",
  "/api/mailbox_events?mailbox_events%5Bmailbox_address%5D=user19%40example.com&records=500",
  (body) => body.mailbox_events.length,
);

// The console in Chromium: sign in once, then time opening the console to the rows shown.
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
await page.goto(`${server.url}/`);
await page.getByLabel("Identifier").fill("bench");
await page.getByLabel("Secret").fill("bench-secret");
await page.getByRole("button", { name: "Sign in" }).click();
await page.locator("table.alerts tbody tr[data-alert-id]").first().waitFor();
const loads = [];
for (let i = 0; i < 5; i++) {
  started = performance.now();
  await page.goto(`${server.url}/#/alerts?min_severity=any&run=${i}`);
  await page.locator("table.alerts tbody tr[data-alert-id]").nth(99).waitFor();
  loads.push(performance.now() - started);
}
loads.sort((a, b) => a - b);
rows.push({
  what: "Chromium: open console → 100 rows shown",
  median_ms: +loads[2].toFixed(1),
  max_ms: +loads[4].toFixed(1),
  records: 100,
});
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  `console bench: ${EVENTS} events, ${EVENTS / ALERT_EVERY} alerts, built in ${builtSeconds.toFixed(1)} s`,
);
console.table(rows);
