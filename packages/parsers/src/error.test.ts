import { describe, expect, it } from "vitest";
import { expectEachOf } from "../test/expect-each.js";
import { E, hookData, hookLine } from "../test/samples.js";
import { HOOK_EVENTS, parseErrorLine } from "./error.js";

const UNRECOGNISED = { type: "error", event: "unrecognised" };
const T = 1549794257;

const expectEach = expectEachOf("error", parseErrorLine);

const added = (fields: object) => ({
  type: "error",
  event: "forward_added_partial_recipient",
  log_time: T,
  status: "success",
  ...fields,
});

describe("parseErrorLine: original.md §10 E1–E5", () => {
  it("E1: a mailbox forward to an address", () => {
    expectEach(
      E.E1,
      added({
        context: "mailbox",
        forward_type: "email",
        forward_to: "dodgy@dodgydomain.test",
        email: "victim@spoor.test",
      }),
    );
  });

  it("E2: with a domain → context domain", () => {
    expectEach(
      E.E2,
      added({
        context: "domain",
        forward_type: "email",
        forward_to: "dodgy@dodgydomain.test",
        email: "victim@spoor.test",
      }),
    );
  });

  it("E3: fwdopt system → system_user", () => {
    expectEach(
      E.E3,
      added({
        context: "domain",
        forward_type: "system_user",
        forward_to: "dodgysystemuser",
        email: "victim@spoor.test",
      }),
    );
  });

  it("E4: fwdopt pipe → pipe", () => {
    expectEach(
      E.E4,
      added({
        context: "domain",
        forward_type: "pipe",
        forward_to: "|/dev/null",
        email: "victim@spoor.test",
      }),
    );
  });

  it("E5: another service's line is exactly unrecognised", () => {
    expectEach(E.E5, UNRECOGNISED);
  });
});

describe("parseErrorLine: real cPanel lines (cpanel.md §1.3)", () => {
  it("leaves other services' lines, stderr and hook STDERR wrappers unrecognised", () => {
    for (const line of [
      "[2024-08-16 17:40:13 +0000] info [cpsrvd] version 11.120.0.16 online",
      "[2024-08-16 17:40:15 +0000] info [cpsrvd] reloading config based on -HUP signal",
      "[2024-08-16 17:40:12 +0000] warn [queueprocd] The splitlogs program could not be executed, disabling piped logs.",
      "[2024-08-16 17:40:43 +0000] info [taskrun] Installing the queueprocd.service subservice.",
      "==> cpsrvd: transferred port bindings: 3,4,5,6,7,8,9,10,11,12",
      "[2024-08-16 17:40:13 +0000] info [cpsrvd] STDERR output from hook: /usr/local/cpanel/3rdparty/bin/spoor-hook",
      "\tat /usr/local/cpanel/Cpanel/Logger.pm line 42.",
    ]) {
      expectEach(line, UNRECOGNISED);
    }
  });
});

describe("parseErrorLine: the original's forward_added line, hostile variants", () => {
  it("reads missing args/result as the original did (mailbox, email, nulls)", () => {
    expect(parseErrorLine(hookLine("forward_added", { user: "u" }))).toStrictEqual(
      added({ context: "mailbox", forward_type: "email", forward_to: null, email: null }),
    );
    expect(
      parseErrorLine(hookLine("forward_added", { args: { domain: null }, result: [] })),
    ).toStrictEqual(
      added({ context: "mailbox", forward_type: "email", forward_to: null, email: null }),
    );
    expect(
      parseErrorLine(hookLine("forward_added", { args: {}, result: [{ forward: 7, email: {} }] })),
    ).toStrictEqual(
      added({ context: "mailbox", forward_type: "email", forward_to: null, email: null }),
    );
  });

  it("reads the API2 `output` when there is no `result`", () => {
    expect(
      parseErrorLine(
        hookLine("forward_added", {
          args: { email: "v@example.net", fwdemail: "t@example.org", fwdopt: "fwd" },
          output: [{ email: "v@example.net", forward: "t@example.org" }],
        }),
      ),
    ).toStrictEqual(
      added({
        context: "mailbox",
        forward_type: "email",
        forward_to: "t@example.org",
        email: "v@example.net",
      }),
    );
  });

  it("gives wrong types, broken JSON and impossible dates exactly unrecognised", () => {
    for (const line of [
      hookLine("forward_added", { args: "x" }),
      hookLine("forward_added", { args: [], result: [] }),
      hookLine("forward_added", { result: { forward: "x" } }),
      hookLine("forward_added", { result: ["x"] }),
      hookLine("forward_added", { result: [[1]] }),
      '[2019-02-10 10:24:17 +0000] info [spoor_forward_added] {"args":',
      '[2019-02-10 10:24:17 +0000] info [spoor_forward_added] {"args":{}}}',
      "[2019-02-10 10:24:17 +0000] info [spoor_forward_added] {}",
      "[2019-02-10 10:24:17 +0000] info [spoor_forward_added] {\u0000\ufffd\ufffd}",
      hookLine("forward_added", hookData(), "2019-02-30 10:24:17 +0000"),
      hookLine("forward_added", hookData(), "2019-13-10 10:24:17 +0000"),
      hookLine("forward_added", hookData(), "2019-02-10 10:24:17"),
      `${hookLine("forward_added", hookData())} trailing`,
      `[2019-02-10 10:24:17 +0000] warn [spoor_forward_added] ${JSON.stringify(hookData())}`,
      // the original never read the removal line its own hook wrote
      hookLine("forward_removed", hookData()),
      hookLine("no_such_event", hookData()),
    ]) {
      expect(parseErrorLine(line)).toStrictEqual(UNRECOGNISED);
    }
  });

  it("only reads hook lines at the start of a line, never inside another service's line", () => {
    const inner = hookLine("forward_added", hookData());
    expect(
      parseErrorLine(`[2019-02-10 10:24:17 +0000] info [cpsrvd] user said ${inner}`),
    ).toStrictEqual(UNRECOGNISED);
    expect(parseErrorLine(` ${inner}`)).toStrictEqual(UNRECOGNISED);
    expect(
      parseErrorLine(`[2019-02-10 10:24:17 +0000] info [spoor_x] [spoor_forward_added] {"a":1}`),
    ).toStrictEqual(UNRECOGNISED);
  });

  it("accepts the long tag spoor_forward_added_partial_recipient as an alias", () => {
    expect(parseErrorLine(hookLine("forward_added_partial_recipient", hookData()))).toStrictEqual(
      parseErrorLine(E.E1),
    );
  });
});

describe("parseErrorLine: the other hook events", () => {
  const hook = (event: string, fields: object) => ({
    type: "error",
    event,
    log_time: T,
    status: "success",
    ...fields,
  });
  const line = (event: string, args: unknown, extra: object = {}) =>
    hookLine(event, {
      event: `UAPI::Email::${event}`,
      args,
      result: null,
      user: "owner",
      ...extra,
    });

  it("lists every design.md hook event", () => {
    expect(HOOK_EVENTS).toStrictEqual([
      "forward_added_partial_recipient",
      "forward_removed_recipient",
      "domain_forward_added",
      "domain_forward_removed",
      "filter_stored",
      "filter_deleted",
      "mailbox_password_changed",
      "mailbox_created",
      "mailbox_deleted",
      "autoresponder_added",
      "autoresponder_deleted",
      "default_address_set",
    ]);
  });

  it("forward_removed_recipient: UAPI address/forwarder and API2 email/emaildest", () => {
    expectEach(
      line("forward_removed_recipient", { address: "v@example.net", forwarder: "t@example.org" }),
      hook("forward_removed_recipient", {
        context: "mailbox",
        email: "v@example.net",
        forward_to: "t@example.org",
      }),
    );
    expect(
      parseErrorLine(
        line("forward_removed_recipient", { email: "v@example.net", emaildest: "|/bin/x" }),
      ),
    ).toStrictEqual(
      hook("forward_removed_recipient", {
        context: "mailbox",
        email: "v@example.net",
        forward_to: "|/bin/x",
      }),
    );
    expect(parseErrorLine(line("forward_removed_recipient", { address: "nobody" }))).toStrictEqual(
      hook("forward_removed_recipient", {
        context: "unrecognised",
        email: "nobody",
        forward_to: null,
      }),
    );
  });

  it("domain_forward_added and domain_forward_removed concern the account", () => {
    expect(
      parseErrorLine(
        line("domain_forward_added", { domain: "example.net", destdomain: "evil.example" }),
      ),
    ).toStrictEqual(
      hook("domain_forward_added", {
        context: "domain",
        email: "owner",
        domain: "example.net",
        forward_to: "evil.example",
      }),
    );
    expect(parseErrorLine(line("domain_forward_removed", { domain: "example.net" }))).toStrictEqual(
      hook("domain_forward_removed", { context: "domain", email: "owner", domain: "example.net" }),
    );
  });

  it("filter_stored lists the deliver and pipe destinations in action order", () => {
    expect(
      parseErrorLine(
        line("filter_stored", {
          account: "v@example.net",
          filtername: "copy all",
          action2: "pipe",
          dest2: "/home/x/bin/grab",
          action1: "deliver",
          dest1: "t@example.org",
          action3: "save",
          dest3: "/home/x/mail/.Archive",
          part1: "$header_from:",
        }),
      ),
    ).toStrictEqual(
      hook("filter_stored", {
        context: "mailbox",
        email: "v@example.net",
        filter_name: "copy all",
        forward_to: "t@example.org,/home/x/bin/grab",
      }),
    );
    expect(
      parseErrorLine(line("filter_stored", { filtername: "f", action1: "fail" })),
    ).toStrictEqual(
      hook("filter_stored", {
        context: "domain",
        email: "owner",
        filter_name: "f",
        forward_to: null,
      }),
    );
  });

  it("filter_deleted", () => {
    expect(
      parseErrorLine(line("filter_deleted", { account: "v@example.net", filtername: "copy all" })),
    ).toStrictEqual(
      hook("filter_deleted", {
        context: "mailbox",
        email: "v@example.net",
        filter_name: "copy all",
      }),
    );
  });

  it("mailbox and autoresponder events name the mailbox, never the password", () => {
    for (const event of [
      "mailbox_password_changed",
      "mailbox_created",
      "mailbox_deleted",
      "autoresponder_added",
      "autoresponder_deleted",
    ]) {
      expect(
        parseErrorLine(line(event, { email: "v", domain: "example.net", password: "hunter2" })),
      ).toStrictEqual(hook(event, { context: "mailbox", email: "v@example.net" }));
      expect(parseErrorLine(line(event, { email: "v@example.net" }))).toStrictEqual(
        hook(event, { context: "mailbox", email: "v@example.net" }),
      );
      expect(parseErrorLine(line(event, {}))).toStrictEqual(
        hook(event, { context: "unrecognised", email: null }),
      );
    }
  });

  it("default_address_set reads the forward type and its target", () => {
    const cases: Array<[object, object]> = [
      [
        { fwdopt: "fwd", fwdemail: "t@example.org" },
        { forward_type: "email", forward_to: "t@example.org" },
      ],
      [
        { fwdopt: "pipe", pipefwd: "|/bin/x" },
        { forward_type: "pipe", forward_to: "|/bin/x" },
      ],
      [
        { fwdopt: "system", fwdsystem: "owner" },
        { forward_type: "system_user", forward_to: "owner" },
      ],
      [
        { fwdopt: "fail", failmsgs: "no" },
        { forward_type: "fail", forward_to: null },
      ],
      [{ fwdopt: "blackhole" }, { forward_type: "blackhole", forward_to: null }],
      [{ fwdopt: "toString" }, { forward_type: null, forward_to: null }],
      [{}, { forward_type: null, forward_to: null }],
    ];
    for (const [args, fields] of cases) {
      expect(
        parseErrorLine(line("default_address_set", { domain: "example.net", ...args })),
      ).toStrictEqual(
        hook("default_address_set", {
          context: "domain",
          email: "owner",
          domain: "example.net",
          ...fields,
        }),
      );
    }
  });

  it("treats the hook JSON as hostile: wrong types never throw", () => {
    expect(parseErrorLine(line("mailbox_created", "x"))).toStrictEqual(UNRECOGNISED);
    expect(parseErrorLine(line("mailbox_created", [1]))).toStrictEqual(UNRECOGNISED);
    expect(parseErrorLine(line("mailbox_created", { email: { a: 1 }, domain: 5 }))).toStrictEqual(
      hook("mailbox_created", { context: "unrecognised", email: null }),
    );
    expect(
      parseErrorLine(line("domain_forward_added", { domain: 12 }, { user: ["x"] })),
    ).toStrictEqual(
      hook("domain_forward_added", {
        context: "domain",
        email: null,
        domain: "12",
        forward_to: null,
      }),
    );
    expect(
      parseErrorLine(
        '[2019-02-10 10:24:17 +0000] info [spoor_mailbox_created] {"__proto__":{"email":"x@y"},"args":{"__proto__":{"email":"a@b"}}}',
      ),
    ).toStrictEqual(hook("mailbox_created", { context: "unrecognised", email: null }));
  });
});
