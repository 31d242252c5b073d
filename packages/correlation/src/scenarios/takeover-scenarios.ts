import type { Scenario } from "./scenario.js";
import {
  type Actor,
  DAY,
  daily,
  forwarderHalves,
  forwarderRemoved,
  HOUR,
  hookEvent,
  login,
  MINUTE,
  T0,
} from "./scenario-events.js";

const home = (ip: string): Actor => ({ ip, asn: 64496, as_name: "Home ISP", country: "DE" });
const ATTACKER: Actor = {
  ip: "203.0.113.77",
  asn: 64500,
  as_name: "Example Hosting",
  country: "NL",
};
const VPS: Actor = { ip: "192.0.2.99", asn: 64501, as_name: "VPS Co", country: "US" };
const ATTACK = T0 + 30 * DAY + 3 * HOUR;

const classic: Scenario = {
  name: "takeover: classic",
  kind: "takeover",
  events: [
    ...daily(0, 29, 18 * HOUR, (d, t) =>
      login(`home-${d}`, t, "web1", "alice@example.com", home("198.51.100.10")),
    ),
    login("attack-login", ATTACK, "web1", "alice@example.com", ATTACKER),
    ...forwarderHalves(
      "fwd",
      ATTACK + 40,
      "web1",
      "alice@example.com",
      ATTACKER,
      "attacker@evil.example",
    ),
  ],
  expected: [
    {
      rule: "novel-login",
      severity: "info",
      mailboxes: ["alice@example.com"],
      evidence: ["attack-login"],
    },
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: ["alice@example.com"],
      evidence: ["fwd"],
    },
    {
      rule: "takeover-sequence",
      severity: "high",
      mailboxes: ["alice@example.com"],
      evidence: ["attack-login", "fwd"],
    },
  ],
};

const slow: Scenario = {
  name: "takeover: slow",
  kind: "takeover",
  events: [
    ...daily(0, 30, 8 * HOUR, (d, t) =>
      login(`home-${d}`, t, "web1", "bob@example.com", home("198.51.100.20")),
    ),
    login("atk-1", T0 + 30 * DAY + HOUR, "web1", "bob@example.com", VPS),
    login("atk-2", T0 + 30 * DAY + 21 * HOUR, "web1", "bob@example.com", VPS),
    ...forwarderHalves(
      "fwd",
      T0 + 30 * DAY + 21 * HOUR + 5 * MINUTE,
      "web1",
      "bob@example.com",
      VPS,
      "collect@evil.example",
    ),
    hookEvent(
      "pw",
      T0 + 30 * DAY + 23 * HOUR,
      "web1",
      "mailbox_password_changed",
      "bob@example.com",
    ),
  ],
  expected: [
    { rule: "novel-login", severity: "info", mailboxes: ["bob@example.com"], evidence: ["atk-1"] },
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: ["bob@example.com"],
      evidence: ["fwd"],
    },
    {
      rule: "takeover-sequence",
      severity: "high",
      mailboxes: ["bob@example.com"],
      evidence: ["atk-1", "fwd", "pw"],
    },
  ],
};

const churn: Scenario = {
  name: "takeover: forwarder churn",
  kind: "takeover",
  events: [
    ...daily(0, 29, 12 * HOUR, (d, t) =>
      login(`home-${d}`, t, "web1", "carol@example.com", home("198.51.100.30")),
    ),
    ...forwarderHalves(
      "fwd",
      T0 + 20 * DAY + 12 * HOUR + 5 * MINUTE,
      "web1",
      "carol@example.com",
      home("198.51.100.30"),
      "copy@evil.example",
    ),
    forwarderRemoved(
      "rm",
      T0 + 20 * DAY + 12 * HOUR + 15 * MINUTE,
      "web1",
      "carol@example.com",
      home("198.51.100.30"),
      "copy@evil.example",
    ),
  ],
  expected: [
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: ["carol@example.com"],
      evidence: ["fwd"],
    },
    {
      rule: "forwarder-churn",
      severity: "high",
      mailboxes: ["carol@example.com"],
      evidence: ["fwd", "rm"],
    },
  ],
};

const shared: Scenario = {
  name: "takeover: shared destination across hosts",
  kind: "takeover",
  events: [
    ...daily(0, 29, 9 * HOUR, (d, t) =>
      login(`dan-${d}`, t, "web1", "dan@one.example", home("198.51.100.70")),
    ),
    ...daily(0, 29, 10 * HOUR, (d, t) =>
      login(`erin-${d}`, t, "web2", "erin@two.example", home("198.51.100.80")),
    ),
    ...forwarderHalves(
      "dan-fwd",
      T0 + 25 * DAY + 10 * HOUR,
      "web1",
      "dan@one.example",
      home("198.51.100.70"),
      "drop@collector.example",
    ),
    hookEvent(
      "erin-fwd",
      T0 + 27 * DAY + 15 * HOUR,
      "web2",
      "forward_added_partial_recipient",
      "erin@two.example",
      "Drop@Collector.example",
    ),
  ],
  expected: [
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: ["dan@one.example"],
      evidence: ["dan-fwd"],
    },
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: ["erin@two.example"],
      evidence: ["erin-fwd"],
    },
    {
      rule: "shared-destination",
      severity: "high",
      mailboxes: ["dan@one.example", "erin@two.example"],
      evidence: ["dan-fwd", "erin-fwd"],
    },
  ],
};

const SPRAYED = ["m1", "m2", "m3", "m4", "m5", "m6"].map((name) => `${name}@spray.example`);
const spray: Scenario = {
  name: "takeover: IP spray",
  kind: "takeover",
  events: SPRAYED.map((mailbox, index) =>
    login(
      `spray-${index + 1}`,
      T0 + 10 * HOUR + index * 5 * MINUTE,
      index < 4 ? "web1" : "web2",
      mailbox,
      {
        ip: "198.51.100.200",
        asn: 64502,
        as_name: "Bulletproof Ltd",
        country: "RU",
      },
    ),
  ),
  expected: [
    {
      rule: "ip-spray",
      severity: "high",
      mailboxes: SPRAYED,
      evidence: SPRAYED.map((_, i) => `spray-${i + 1}`),
    },
  ],
};

const V6_HOME: Actor = { ip: "2001:db8:100:1::10", network: "2001:db8:100::/48" };
const v6: Scenario = {
  name: "takeover: IPv6",
  kind: "takeover",
  events: [
    ...daily(0, 30, 7 * HOUR, (d, t) =>
      login(`home-${d}`, t, "web2", "frida@example.org", V6_HOME),
    ),
    login("v6-a", T0 + 30 * DAY + 9 * HOUR, "web2", "frida@example.org", {
      ip: "2001:db8:bad:1::5",
      network: "2001:db8:bad::/48",
    }),
    login("v6-b", T0 + 30 * DAY + 10 * HOUR, "web2", "frida@example.org", {
      ip: "2001:db8:beef::7",
      network: "2001:db8:beef::/48",
    }),
    hookEvent(
      "fwd",
      T0 + 30 * DAY + 10 * HOUR + 2 * MINUTE,
      "web2",
      "forward_added_partial_recipient",
      "frida@example.org",
      "out@evil.example",
    ),
  ],
  expected: [
    {
      rule: "novel-login",
      severity: "info",
      mailboxes: ["frida@example.org"],
      evidence: ["v6-a", "v6-b"],
    },
    {
      rule: "login-burst",
      severity: "medium",
      mailboxes: ["frida@example.org"],
      evidence: ["home-30", "v6-a", "v6-b"],
    },
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: ["frida@example.org"],
      evidence: ["fwd"],
    },
    {
      rule: "takeover-sequence",
      severity: "high",
      mailboxes: ["frida@example.org"],
      evidence: ["fwd", "v6-a", "v6-b"],
    },
  ],
};

/** A mailbox name with a bidi override, control characters and a huge recipient: the takeover is still found and summarised. */
export const HOSTILE_MAILBOX = "eve\u202egnp.exe@example.com";
const HOSTILE_RECIPIENT = `"x\r\nBcc: all@example.com"${"A".repeat(3000)}@evil.example`;
const hostile: Scenario = {
  name: "takeover: hostile strings stay data",
  kind: "takeover",
  events: [
    ...daily(0, 10, 8 * HOUR, (d, t) =>
      login(`home-${d}`, t, "web1", HOSTILE_MAILBOX, home("198.51.100.60")),
    ),
    login("junk-ip", T0 + 5 * DAY, "web1", HOSTILE_MAILBOX, { ip: "'; DROP TABLE events;--" }),
    hookEvent("junk-type", T0 + 6 * DAY, "web1", "<script>alert(1)</script>", "\u0000\n", "\u202e"),
    login("atk", T0 + 11 * DAY + 2 * HOUR, "web1", HOSTILE_MAILBOX, {
      ip: "203.0.113.99",
      asn: 64666,
      as_name: "Evil\nCorp\u0000<b>",
      country: "\u001b[31mXX",
    }),
    hookEvent(
      "fwd",
      T0 + 11 * DAY + 2 * HOUR + 60,
      "web1",
      "forward_added_partial_recipient",
      HOSTILE_MAILBOX,
      HOSTILE_RECIPIENT,
    ),
  ],
  expected: [
    { rule: "novel-login", severity: "info", mailboxes: [HOSTILE_MAILBOX], evidence: ["atk"] },
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: [HOSTILE_MAILBOX],
      evidence: ["fwd"],
    },
    {
      rule: "takeover-sequence",
      severity: "high",
      mailboxes: [HOSTILE_MAILBOX],
      evidence: ["atk", "fwd"],
    },
  ],
};

/** The takeover histories. */
export const TAKEOVER_SCENARIOS: readonly Scenario[] = [
  classic,
  slow,
  churn,
  shared,
  spray,
  v6,
  hostile,
];
