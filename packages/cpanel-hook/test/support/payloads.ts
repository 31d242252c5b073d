/**
 * Realistic hook payloads (cpanel.md §3.4; original.md §10 E1–E4) and the entry each gives.
 * API2 `output` shapes are plausible, not captured from a live server (cpanel.md marks them
 * unconfirmed); what matters is that they hold no failure status.
 */
import { FORWARDER_ARGS, forwarderHookData } from "@spoor/test-support";

/** One event the hook is registered for, and the entry it must spool (without id, log_time). */
export interface EventCase {
  name: string;
  event: string;
  data: Record<string, unknown>;
  /** The `transmission.events` the config needs for the entry to be spooled. */
  events: string[];
  expected: Record<string, unknown>;
}

const BASE_RESULT = {
  forward: "dodgy@dodgydomain.test",
  domain: "spoor.test",
  email: "victim@spoor.test",
};
const USER = "spoortest";
const PASSWORD = "correct horse battery staple";

/** The E1 payload's data: a webmail user forwarding their mailbox (the takeover case). */
export const E1_DATA = forwarderHookData();

/** The password the mailbox cases carry, which must never be written anywhere. */
export const SECRET_PASSWORD = PASSWORD;

const added = (extra: Record<string, unknown>) => ({
  type: "error",
  event: "forward_added_partial_recipient",
  status: "success",
  ...extra,
});

const hookEntry = (event: string, extra: Record<string, unknown>) => ({
  type: "error",
  event,
  status: "success",
  ...extra,
});

const mailbox = (email: string) => ({ context: "mailbox", email });

const FILTER_ARGS = {
  filtername: "sneaky",
  account: "victim@spoor.test",
  part1: "$header_from:",
  match1: "contains",
  val1: "bank",
  opt1: "or",
  action1: "deliver",
  dest1: "dodgy@dodgydomain.test",
  action2: "save",
  dest2: "/dev/null",
};

/** Every registered event with a realistic successful payload. */
export const EVENT_CASES: EventCase[] = [
  {
    name: "E1 UAPI add_forwarder from webmail",
    event: "UAPI::Email::add_forwarder",
    data: E1_DATA,
    events: [],
    expected: added({
      context: "mailbox",
      forward_type: "email",
      forward_to: "dodgy@dodgydomain.test",
      email: "victim@spoor.test",
    }),
  },
  {
    name: "E2 UAPI add_forwarder with a domain (cPanel UI)",
    event: "UAPI::Email::add_forwarder",
    data: { ...E1_DATA, args: { ...FORWARDER_ARGS, domain: "spoor.test" } },
    events: ["forward_added_partial_recipient"],
    expected: added({
      context: "domain",
      forward_type: "email",
      forward_to: "dodgy@dodgydomain.test",
      email: "victim@spoor.test",
    }),
  },
  {
    name: "E3 UAPI add_forwarder to a system user",
    event: "UAPI::Email::add_forwarder",
    data: {
      args: {
        ...FORWARDER_ARGS,
        domain: "spoor.test",
        fwdemail: "",
        fwdsystem: "dodgysystemuser",
        fwdopt: "system",
      },
      result: [{ ...BASE_RESULT, forward: "dodgysystemuser" }],
      user: USER,
    },
    events: ["forward_added_partial_recipient"],
    expected: added({
      context: "domain",
      forward_type: "system_user",
      forward_to: "dodgysystemuser",
      email: "victim@spoor.test",
    }),
  },
  {
    name: "E4 UAPI add_forwarder to a pipe",
    event: "UAPI::Email::add_forwarder",
    data: {
      args: {
        ...FORWARDER_ARGS,
        domain: "spoor.test",
        fwdemail: "",
        pipefwd: "/dev/null",
        fwdopt: "pipe",
      },
      result: [{ ...BASE_RESULT, forward: "|/dev/null" }],
      user: USER,
    },
    events: ["forward_added_partial_recipient"],
    expected: added({
      context: "domain",
      forward_type: "pipe",
      forward_to: "|/dev/null",
      email: "victim@spoor.test",
    }),
  },
  {
    name: "UAPI add_forwarder to two destinations",
    event: "UAPI::Email::add_forwarder",
    data: {
      args: { ...FORWARDER_ARGS, fwdemail: "harmless@spoor.test,dodgy@dodgydomain.test" },
      result: [
        { ...BASE_RESULT, forward: "harmless@spoor.test" },
        { ...BASE_RESULT, forward: "dodgy@dodgydomain.test" },
      ],
      user: USER,
    },
    events: [],
    expected: added({
      context: "mailbox",
      forward_type: "email",
      forward_to: "harmless@spoor.test,dodgy@dodgydomain.test",
      email: "victim@spoor.test",
    }),
  },
  {
    name: "Api2 addforward from webmail",
    event: "Api2::Email::addforward",
    data: {
      args: { email: "victim@spoor.test", fwdopt: "fwd", fwdemail: "dodgy@dodgydomain.test" },
      output: [BASE_RESULT],
      user: USER,
    },
    events: [],
    expected: added({
      context: "mailbox",
      forward_type: "email",
      forward_to: "dodgy@dodgydomain.test",
      email: "victim@spoor.test",
    }),
  },
  {
    name: "UAPI delete_forwarder",
    event: "UAPI::Email::delete_forwarder",
    data: {
      args: { address: "victim@spoor.test", forwarder: "dodgy@dodgydomain.test" },
      result: null,
      user: USER,
    },
    events: ["forward_removed_recipient"],
    expected: hookEntry("forward_removed_recipient", {
      ...mailbox("victim@spoor.test"),
      forward_to: "dodgy@dodgydomain.test",
    }),
  },
  {
    name: "Api2 delforward",
    event: "Api2::Email::delforward",
    data: {
      args: { email: "victim@spoor.test", emaildest: "dodgy@dodgydomain.test" },
      output: [{ status: 1, statusmsg: "" }],
      user: USER,
    },
    events: ["forward_removed_recipient"],
    expected: hookEntry("forward_removed_recipient", {
      ...mailbox("victim@spoor.test"),
      forward_to: "dodgy@dodgydomain.test",
    }),
  },
  {
    name: "UAPI add_domain_forwarder",
    event: "UAPI::Email::add_domain_forwarder",
    data: {
      args: { domain: "spoor.test", destdomain: "dodgydomain.test" },
      result: null,
      user: USER,
    },
    events: ["domain_forward_added"],
    expected: hookEntry("domain_forward_added", {
      context: "domain",
      email: USER,
      domain: "spoor.test",
      forward_to: "dodgydomain.test",
    }),
  },
  {
    name: "Api2 adddomainforward",
    event: "Api2::Email::adddomainforward",
    data: {
      args: { domain: "spoor.test", destdomain: "dodgydomain.test" },
      output: [{ domain: "spoor.test", dest: "dodgydomain.test" }],
      user: USER,
    },
    events: ["domain_forward_added"],
    expected: hookEntry("domain_forward_added", {
      context: "domain",
      email: USER,
      domain: "spoor.test",
      forward_to: "dodgydomain.test",
    }),
  },
  {
    name: "UAPI delete_domain_forwarder",
    event: "UAPI::Email::delete_domain_forwarder",
    data: { args: { domain: "spoor.test" }, result: null, user: USER },
    events: ["domain_forward_removed"],
    expected: hookEntry("domain_forward_removed", {
      context: "domain",
      email: USER,
      domain: "spoor.test",
    }),
  },
  {
    name: "UAPI store_filter redirecting a mailbox",
    event: "UAPI::Email::store_filter",
    data: { args: FILTER_ARGS, result: null, user: USER },
    events: ["filter_stored"],
    expected: hookEntry("filter_stored", {
      ...mailbox("victim@spoor.test"),
      filter_name: "sneaky",
      forward_to: "dodgy@dodgydomain.test",
    }),
  },
  {
    name: "Api2 storefilter (Jupiter UI)",
    event: "Api2::Email::storefilter",
    data: {
      args: FILTER_ARGS,
      output: [{ account: "victim@spoor.test", filtername: "sneaky" }],
      user: USER,
    },
    events: ["filter_stored"],
    expected: hookEntry("filter_stored", {
      ...mailbox("victim@spoor.test"),
      filter_name: "sneaky",
      forward_to: "dodgy@dodgydomain.test",
    }),
  },
  {
    name: "UAPI delete_filter",
    event: "UAPI::Email::delete_filter",
    data: {
      args: { filtername: "sneaky", account: "victim@spoor.test" },
      result: null,
      user: USER,
    },
    events: ["filter_deleted"],
    expected: hookEntry("filter_deleted", {
      ...mailbox("victim@spoor.test"),
      filter_name: "sneaky",
    }),
  },
  {
    name: "Api2 deletefilter of an account-level filter",
    event: "Api2::Email::deletefilter",
    data: { args: { filtername: "sneaky" }, output: [{ status: 1 }], user: USER },
    events: ["filter_deleted"],
    expected: hookEntry("filter_deleted", {
      context: "domain",
      email: USER,
      filter_name: "sneaky",
    }),
  },
  {
    name: "UAPI passwd_pop",
    event: "UAPI::Email::passwd_pop",
    data: {
      args: { email: "victim", domain: "spoor.test", password: PASSWORD },
      result: null,
      user: USER,
    },
    events: ["mailbox_password_changed"],
    expected: hookEntry("mailbox_password_changed", mailbox("victim@spoor.test")),
  },
  {
    name: "Api2 passwdpop",
    event: "Api2::Email::passwdpop",
    data: {
      args: { email: "victim@spoor.test", password: PASSWORD },
      output: [{ result: 1, reason: "OK" }],
      user: USER,
    },
    events: ["mailbox_password_changed"],
    expected: hookEntry("mailbox_password_changed", mailbox("victim@spoor.test")),
  },
  {
    name: "UAPI add_pop",
    event: "UAPI::Email::add_pop",
    data: {
      args: { email: "newbox", domain: "spoor.test", password: PASSWORD, quota: 0 },
      result: "newbox+spoor.test",
      user: USER,
    },
    events: ["mailbox_created"],
    expected: hookEntry("mailbox_created", mailbox("newbox@spoor.test")),
  },
  {
    name: "Api2 addpop",
    event: "Api2::Email::addpop",
    data: {
      args: { email: "newbox", domain: "spoor.test", password: PASSWORD, quota: 250 },
      output: [{ result: 1, reason: "OK" }],
      user: USER,
    },
    events: ["mailbox_created"],
    expected: hookEntry("mailbox_created", mailbox("newbox@spoor.test")),
  },
  {
    name: "UAPI delete_pop",
    event: "UAPI::Email::delete_pop",
    data: { args: { email: "victim", domain: "spoor.test" }, result: null, user: USER },
    events: ["mailbox_deleted"],
    expected: hookEntry("mailbox_deleted", mailbox("victim@spoor.test")),
  },
  {
    name: "Api2 delpop",
    event: "Api2::Email::delpop",
    data: {
      args: { email: "victim", domain: "spoor.test" },
      output: [{ result: 1, reason: "OK" }],
      user: USER,
    },
    events: ["mailbox_deleted"],
    expected: hookEntry("mailbox_deleted", mailbox("victim@spoor.test")),
  },
  {
    name: "UAPI add_auto_responder",
    event: "UAPI::Email::add_auto_responder",
    data: {
      args: {
        email: "victim",
        domain: "spoor.test",
        from: "Victim",
        subject: "Away",
        body: "Write to dodgy@dodgydomain.test instead.",
        is_html: 0,
        interval: 24,
        start: 1549794257,
        stop: 1549894257,
      },
      result: null,
      user: USER,
    },
    events: ["autoresponder_added"],
    expected: hookEntry("autoresponder_added", mailbox("victim@spoor.test")),
  },
  {
    name: "UAPI delete_auto_responder",
    event: "UAPI::Email::delete_auto_responder",
    data: { args: { email: "victim@spoor.test" }, result: null, user: USER },
    events: ["autoresponder_deleted"],
    expected: hookEntry("autoresponder_deleted", mailbox("victim@spoor.test")),
  },
  {
    name: "UAPI set_default_address",
    event: "UAPI::Email::set_default_address",
    data: {
      args: {
        domain: "spoor.test",
        fwdopt: "fwd",
        fwdemail: "dodgy@dodgydomain.test",
        failmsgs: "",
      },
      result: [{ domain: "spoor.test", dest: "dodgy@dodgydomain.test" }],
      user: USER,
    },
    events: ["default_address_set"],
    expected: hookEntry("default_address_set", {
      context: "domain",
      email: USER,
      domain: "spoor.test",
      forward_type: "email",
      forward_to: "dodgy@dodgydomain.test",
    }),
  },
  {
    name: "Api2 setdefaultaddress (Jupiter UI) to a pipe",
    event: "Api2::Email::setdefaultaddress",
    data: {
      args: { domain: "spoor.test", fwdopt: "pipe", pipefwd: "/home/spoortest/grab.sh", email: "" },
      output: [{ domain: "spoor.test", dest: "|/home/spoortest/grab.sh" }],
      user: USER,
    },
    events: ["default_address_set"],
    expected: hookEntry("default_address_set", {
      context: "domain",
      email: USER,
      domain: "spoor.test",
      forward_type: "pipe",
      forward_to: "/home/spoortest/grab.sh",
    }),
  },
];
