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

/** The data of a UAPI call by the cPanel user: its arguments and `result`. */
const uapi = (args: Record<string, unknown>, result: unknown) => ({ args, result, user: USER });
/** The data of an API2 call by the cPanel user: its arguments and `output`. */
const api2 = (args: Record<string, unknown>, output: unknown) => ({ args, output, user: USER });

/** A case whose entry is the hook event `entry` with `fields`, spooled when the config lists it. */
const hookCase = (
  name: string,
  event: string,
  data: Record<string, unknown>,
  entry: string,
  fields: Record<string, unknown>,
): EventCase => ({ name, event, data, events: [entry], expected: hookEntry(entry, fields) });

/** What a mailbox forwarded to dodgy@dodgydomain.test gives, through either API. */
const WEBMAIL_FORWARD = added({
  context: "mailbox",
  forward_type: "email",
  forward_to: "dodgy@dodgydomain.test",
  email: "victim@spoor.test",
});
/** What both APIs' forwarder removals give. */
const FORWARD_REMOVED = { ...mailbox("victim@spoor.test"), forward_to: "dodgy@dodgydomain.test" };
/** What both APIs' domain forwarders give. */
const DOMAIN_FORWARD = {
  context: "domain",
  email: USER,
  domain: "spoor.test",
  forward_to: "dodgydomain.test",
};
/** What both APIs' stored filters give. */
const FILTER_STORED = {
  ...mailbox("victim@spoor.test"),
  filter_name: "sneaky",
  forward_to: "dodgy@dodgydomain.test",
};

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
    expected: WEBMAIL_FORWARD,
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
    data: uapi(
      {
        ...FORWARDER_ARGS,
        domain: "spoor.test",
        fwdemail: "",
        fwdsystem: "dodgysystemuser",
        fwdopt: "system",
      },
      [{ ...BASE_RESULT, forward: "dodgysystemuser" }],
    ),
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
    data: uapi(
      {
        ...FORWARDER_ARGS,
        domain: "spoor.test",
        fwdemail: "",
        pipefwd: "/dev/null",
        fwdopt: "pipe",
      },
      [{ ...BASE_RESULT, forward: "|/dev/null" }],
    ),
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
    data: uapi({ ...FORWARDER_ARGS, fwdemail: "harmless@spoor.test,dodgy@dodgydomain.test" }, [
      { ...BASE_RESULT, forward: "harmless@spoor.test" },
      { ...BASE_RESULT, forward: "dodgy@dodgydomain.test" },
    ]),
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
    data: api2({ email: "victim@spoor.test", fwdopt: "fwd", fwdemail: "dodgy@dodgydomain.test" }, [
      BASE_RESULT,
    ]),
    events: [],
    expected: WEBMAIL_FORWARD,
  },
  hookCase(
    "UAPI delete_forwarder",
    "UAPI::Email::delete_forwarder",
    uapi({ address: "victim@spoor.test", forwarder: "dodgy@dodgydomain.test" }, null),
    "forward_removed_recipient",
    FORWARD_REMOVED,
  ),
  hookCase(
    "Api2 delforward",
    "Api2::Email::delforward",
    api2({ email: "victim@spoor.test", emaildest: "dodgy@dodgydomain.test" }, [
      { status: 1, statusmsg: "" },
    ]),
    "forward_removed_recipient",
    FORWARD_REMOVED,
  ),
  hookCase(
    "UAPI add_domain_forwarder",
    "UAPI::Email::add_domain_forwarder",
    uapi({ domain: "spoor.test", destdomain: "dodgydomain.test" }, null),
    "domain_forward_added",
    DOMAIN_FORWARD,
  ),
  hookCase(
    "Api2 adddomainforward",
    "Api2::Email::adddomainforward",
    api2({ domain: "spoor.test", destdomain: "dodgydomain.test" }, [
      { domain: "spoor.test", dest: "dodgydomain.test" },
    ]),
    "domain_forward_added",
    DOMAIN_FORWARD,
  ),
  hookCase(
    "UAPI delete_domain_forwarder",
    "UAPI::Email::delete_domain_forwarder",
    uapi({ domain: "spoor.test" }, null),
    "domain_forward_removed",
    {
      context: "domain",
      email: USER,
      domain: "spoor.test",
    },
  ),
  hookCase(
    "UAPI store_filter redirecting a mailbox",
    "UAPI::Email::store_filter",
    uapi(FILTER_ARGS, null),
    "filter_stored",
    FILTER_STORED,
  ),
  hookCase(
    "Api2 storefilter (Jupiter UI)",
    "Api2::Email::storefilter",
    api2(FILTER_ARGS, [{ account: "victim@spoor.test", filtername: "sneaky" }]),
    "filter_stored",
    FILTER_STORED,
  ),
  hookCase(
    "UAPI delete_filter",
    "UAPI::Email::delete_filter",
    uapi({ filtername: "sneaky", account: "victim@spoor.test" }, null),
    "filter_deleted",
    {
      ...mailbox("victim@spoor.test"),
      filter_name: "sneaky",
    },
  ),
  hookCase(
    "Api2 deletefilter of an account-level filter",
    "Api2::Email::deletefilter",
    api2({ filtername: "sneaky" }, [{ status: 1 }]),
    "filter_deleted",
    {
      context: "domain",
      email: USER,
      filter_name: "sneaky",
    },
  ),
  hookCase(
    "UAPI passwd_pop",
    "UAPI::Email::passwd_pop",
    uapi({ email: "victim", domain: "spoor.test", password: PASSWORD }, null),
    "mailbox_password_changed",
    mailbox("victim@spoor.test"),
  ),
  hookCase(
    "Api2 passwdpop",
    "Api2::Email::passwdpop",
    api2({ email: "victim@spoor.test", password: PASSWORD }, [{ result: 1, reason: "OK" }]),
    "mailbox_password_changed",
    mailbox("victim@spoor.test"),
  ),
  hookCase(
    "UAPI add_pop",
    "UAPI::Email::add_pop",
    uapi(
      { email: "newbox", domain: "spoor.test", password: PASSWORD, quota: 0 },
      "newbox+spoor.test",
    ),
    "mailbox_created",
    mailbox("newbox@spoor.test"),
  ),
  hookCase(
    "Api2 addpop",
    "Api2::Email::addpop",
    api2({ email: "newbox", domain: "spoor.test", password: PASSWORD, quota: 250 }, [
      { result: 1, reason: "OK" },
    ]),
    "mailbox_created",
    mailbox("newbox@spoor.test"),
  ),
  hookCase(
    "UAPI delete_pop",
    "UAPI::Email::delete_pop",
    uapi({ email: "victim", domain: "spoor.test" }, null),
    "mailbox_deleted",
    mailbox("victim@spoor.test"),
  ),
  hookCase(
    "Api2 delpop",
    "Api2::Email::delpop",
    api2({ email: "victim", domain: "spoor.test" }, [{ result: 1, reason: "OK" }]),
    "mailbox_deleted",
    mailbox("victim@spoor.test"),
  ),
  hookCase(
    "UAPI add_auto_responder",
    "UAPI::Email::add_auto_responder",
    uapi(
      {
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
      null,
    ),
    "autoresponder_added",
    mailbox("victim@spoor.test"),
  ),
  hookCase(
    "UAPI delete_auto_responder",
    "UAPI::Email::delete_auto_responder",
    uapi({ email: "victim@spoor.test" }, null),
    "autoresponder_deleted",
    mailbox("victim@spoor.test"),
  ),
  hookCase(
    "UAPI set_default_address",
    "UAPI::Email::set_default_address",
    uapi(
      {
        domain: "spoor.test",
        fwdopt: "fwd",
        fwdemail: "dodgy@dodgydomain.test",
        failmsgs: "",
      },
      [{ domain: "spoor.test", dest: "dodgy@dodgydomain.test" }],
    ),
    "default_address_set",
    {
      context: "domain",
      email: USER,
      domain: "spoor.test",
      forward_type: "email",
      forward_to: "dodgy@dodgydomain.test",
    },
  ),
  hookCase(
    "Api2 setdefaultaddress (Jupiter UI) to a pipe",
    "Api2::Email::setdefaultaddress",
    api2({ domain: "spoor.test", fwdopt: "pipe", pipefwd: "/home/spoortest/grab.sh", email: "" }, [
      { domain: "spoor.test", dest: "|/home/spoortest/grab.sh" },
    ]),
    "default_address_set",
    {
      context: "domain",
      email: USER,
      domain: "spoor.test",
      forward_type: "pipe",
      forward_to: "/home/spoortest/grab.sh",
    },
  ),
];
