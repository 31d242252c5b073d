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

const HOME: Actor = { ip: "198.51.100.10", asn: 64496, as_name: "Home ISP", country: "DE" };
const OFFICE: Actor = { ip: "203.0.113.20", asn: 64497, as_name: "Office Net", country: "DE" };
const HOTEL: Actor = { ip: "192.0.2.50", asn: 64510, as_name: "Hotel Wifi", country: "ES" };
const weekday = (day: number) => day % 7 !== 5 && day % 7 !== 6;

/** A mailbox used from home every evening and from the office on weekdays: no alert. */
const homeAndOffice: Scenario = {
  name: "benign: home and office networks",
  kind: "benign",
  events: [
    ...daily(0, 39, 19 * HOUR, (d, t) => login(`home-${d}`, t, "web1", "alice@shop.example", HOME)),
    ...daily(
      0,
      39,
      9 * HOUR,
      (d, t) => login(`office-${d}`, t, "web1", "alice@shop.example", OFFICE),
      weekday,
    ),
  ],
  expected: [],
};

/** A trip: two new networks (hotel, airport) are novel logins (info), nothing more. */
const travel: Scenario = {
  name: "benign: travel",
  kind: "benign",
  events: [
    ...daily(
      0,
      29,
      20 * HOUR,
      (d, t) => login(`home-${d}`, t, "web1", "bob@shop.example", { ...HOME, ip: "198.51.100.30" }),
      (d) => d !== 21 && d !== 22,
    ),
    login("hotel-1", T0 + 21 * DAY + 8 * HOUR, "web1", "bob@shop.example", HOTEL),
    login("hotel-2", T0 + 21 * DAY + 21 * HOUR, "web1", "bob@shop.example", {
      ...HOTEL,
      ip: "192.0.2.77",
    }),
    login("airport", T0 + 22 * DAY + 7 * HOUR, "web1", "bob@shop.example", {
      ip: "198.18.5.5",
      asn: 64511,
      as_name: "Airport Wifi",
      country: "ES",
    }),
  ],
  expected: [
    {
      rule: "novel-login",
      severity: "info",
      mailboxes: ["bob@shop.example"],
      evidence: ["airport", "hotel-1"],
    },
  ],
};

/** A phone behind a carrier's pool of eight /24s, a login every two hours: no burst, no novel login. */
const cgnat: Scenario = {
  name: "benign: CGNAT roaming",
  kind: "benign",
  events: [0, 2, 4, 6, 8, 10, 12].flatMap((slot) =>
    daily(0, 24, (8 + slot) * HOUR, (d, t) =>
      login(`mobile-${d}-${slot}`, t, "web1", "carol@shop.example", {
        ip: `198.18.${10 + ((d * 7 + slot / 2) % 8)}.9`,
        asn: 64520,
        as_name: "Mobile Carrier",
        country: "FR",
      }),
    ),
  ),
  expected: [],
};

/** Forwarders to the mailbox's own domain and to another domain hosted on the same server: no alert. */
const internalForwarders: Scenario = {
  name: "benign: internal forwarders",
  kind: "benign",
  events: [
    ...daily(0, 20, 8 * HOUR, (d, t) =>
      login(`dave-${d}`, t, "web1", "dave@shop.example", { ...HOME, ip: "198.51.100.40" }),
    ),
    login("frank-1", T0 + 14 * DAY + 20 * HOUR, "web1", "frank@agency.example", {
      ...HOME,
      ip: "198.51.100.41",
    }),
    login("frank-2", T0 + 16 * DAY + 9 * HOUR, "web1", "frank@agency.example", {
      ...HOME,
      ip: "198.51.100.41",
    }),
    ...forwarderHalves(
      "to-eve",
      T0 + 15 * DAY + 10 * HOUR,
      "web1",
      "dave@shop.example",
      { ...HOME, ip: "198.51.100.40" },
      "eve@shop.example",
    ),
    ...forwarderHalves(
      "to-frank",
      T0 + 15 * DAY + 11 * HOUR,
      "web1",
      "dave@shop.example",
      { ...HOME, ip: "198.51.100.40" },
      "frank@agency.example",
    ),
    forwarderRemoved(
      "rm-frank",
      T0 + 15 * DAY + 11 * HOUR + 20 * MINUTE,
      "web1",
      "dave@shop.example",
      { ...HOME, ip: "198.51.100.40" },
      "frank@agency.example",
    ),
  ],
  expected: [],
};

/** A new mailbox forwarding to its owner's private address: an external forwarder (low), no takeover. */
const newMailbox: Scenario = {
  name: "benign: new mailbox",
  kind: "benign",
  events: [
    hookEvent("created", T0 + 9 * HOUR, "web2", "mailbox_created", "gina@newshop.example"),
    login("gina-0", T0 + 9 * HOUR + 30 * MINUTE, "web2", "gina@newshop.example", {
      ...HOME,
      ip: "198.51.100.50",
    }),
    login("gina-1", T0 + DAY + 9 * HOUR, "web2", "gina@newshop.example", OFFICE),
    login("gina-2", T0 + 2 * DAY + 9 * HOUR, "web2", "gina@newshop.example", HOTEL),
    hookEvent(
      "gina-fwd",
      T0 + DAY + 10 * HOUR,
      "web2",
      "forward_added_partial_recipient",
      "gina@newshop.example",
      "gina.private@mail.example",
    ),
  ],
  expected: [
    {
      rule: "external-forwarder",
      severity: "low",
      mailboxes: ["gina@newshop.example"],
      evidence: ["gina-fwd"],
    },
  ],
};

/** The benign histories. */
export const BENIGN_SCENARIOS: readonly Scenario[] = [
  homeAndOffice,
  travel,
  cgnat,
  internalForwarders,
  newMailbox,
];
