// Throughput of @spoor/correlation: events/s through dedupe + forwarder merge + evaluate +
// reconcile with the in-memory history, for a fleet-like month. Run after a build:
//   pnpm --filter @spoor/correlation bench
import os from "node:os";
import { performance } from "node:perf_hooks";
import {
  arrange,
  createMemoryEngine,
  DAY,
  forwarderHalves,
  HOUR,
  hookEvent,
  login,
  T0,
} from "../dist/memory.js";

const HOSTS = 10;
const MAILBOXES = Number(process.env.BENCH_MAILBOXES ?? 1_000);
const DAYS = 30;

let seed = 7;
const random = () => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 4_294_967_296;
};

function actor(ip) {
  const [a, b, c] = ip.split(".");
  return {
    ip,
    network: `${a}.${b}.${c}.0/24`,
    asn: 64_496 + (Number(b) % 20),
    as_name: "Bench ISP",
    country: "DE",
  };
}

/** A month of a fleet: 1,000 mailboxes on 10 hosts, 2–6 logins a day from home or office, some forwarders, a few takeovers. */
function month() {
  const events = [];
  for (let m = 0; m < MAILBOXES; m += 1) {
    const host = `web${m % HOSTS}`;
    const mailbox = `user${m}@domain${m % 300}.example`;
    const home = actor(`10.${m % 200}.${Math.floor(m / 200)}.${(m % 250) + 1}`);
    const office = actor(`172.16.${m % 100}.9`);
    for (let day = 0; day < DAYS; day += 1) {
      const logins = 2 + Math.floor(random() * 5);
      for (let i = 0; i < logins; i += 1) {
        const time = T0 + day * DAY + Math.floor(random() * DAY);
        events.push(
          login(`l${m}-${day}-${i}`, time, host, mailbox, random() < 0.7 ? home : office),
        );
      }
    }
    if (random() < 0.05) {
      const time = T0 + Math.floor(random() * DAYS) * DAY + 12 * HOUR;
      events.push(...forwarderHalves(`f${m}`, time, host, mailbox, home, `me${m}@private.example`));
    }
    if (m % 100 === 0) {
      const time = T0 + 20 * DAY + m * 60;
      const attacker = actor(`198.51.100.${m % 250}`);
      events.push(login(`a${m}`, time, host, mailbox, attacker));
      events.push(
        hookEvent(
          `af${m}`,
          time + 40,
          host,
          "forward_added_partial_recipient",
          mailbox,
          "drop@evil.example",
        ),
      );
    }
  }
  return events;
}

function run(events, arrival) {
  const engine = createMemoryEngine();
  let queries = 0;
  const answer = engine.history.answer.bind(engine.history);
  engine.history.answer = (query) => {
    queries += 1;
    return answer(query);
  };
  const ordered = arrange(events, arrival, 1).map(({ label: _label, ...e }) => e);
  const started = performance.now();
  for (const e of ordered) engine.ingest(e);
  const seconds = (performance.now() - started) / 1000;
  const alerts = engine.alerts();
  const byRule = {};
  for (const a of alerts) byRule[a.rule] = (byRule[a.rule] ?? 0) + 1;
  return {
    arrival,
    events: ordered.length,
    perSecond: Math.round(ordered.length / seconds),
    seconds,
    queriesPerEvent: queries / ordered.length,
    byRule,
  };
}

const events = month();
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`,
);
for (const arrival of ["in-order", "shuffled"]) {
  const r = run(events, arrival);
  console.log(
    `${r.arrival}: ${r.events.toLocaleString("en")} events in ${r.seconds.toFixed(1)} s = ${r.perSecond.toLocaleString("en")} events/s, ${r.queriesPerEvent.toFixed(1)} history queries/event; alerts ${JSON.stringify(r.byRule)}`,
  );
}
