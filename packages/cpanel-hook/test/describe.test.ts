import { realpathSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  HOOK_BIN,
  HOOK_BUNDLE,
  type HookSandbox,
  makeSandbox,
  runHookProcess,
} from "./support/hook-harness.js";

const INSTALLED = "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook";

let sandbox: HookSandbox | undefined;
afterEach(async () => {
  await sandbox?.cleanup();
  sandbox = undefined;
});

const registration = (event: string, hook: string, what: string) => ({
  category: "Cpanel",
  event,
  stage: "post",
  hook,
  exectype: "script",
  escalateprivs: 1,
  description: `spoor: records ${what} (${event})`,
});

const defaults = (hook: string) => [
  registration("UAPI::Email::add_forwarder", hook, "a forwarder added"),
  registration("Api2::Email::addforward", hook, "a forwarder added"),
  registration("UAPI::Email::delete_forwarder", hook, "a forwarder removed"),
  registration("Api2::Email::delforward", hook, "a forwarder removed"),
];

async function describeWith(args: string[], script?: string) {
  const run = await runHookProcess(args, "", script === undefined ? {} : { script });
  return { code: run.code, stderr: run.stderr, registrations: JSON.parse(run.stdout) as unknown };
}

describe("--describe", () => {
  it("lists the four forwarder registrations for a config without opt-ins", async () => {
    sandbox = await makeSandbox();
    const hook = `${realpathSync(HOOK_BUNDLE)} --config ${sandbox.configPath}`;
    expect(await describeWith(["--config", sandbox.configPath, "--describe"])).toEqual({
      code: 0,
      stderr: "",
      registrations: defaults(hook),
    });
  });

  it("adds the registrations of the kinds the config opts into, ignoring non-hook kinds", async () => {
    sandbox = await makeSandbox([
      "login",
      "filter_stored",
      "mailbox_password_changed",
      "domain_forward_removed",
    ]);
    const hook = `${realpathSync(HOOK_BUNDLE)} --config ${sandbox.configPath}`;
    expect(await describeWith(["--describe", "--config", sandbox.configPath])).toEqual({
      code: 0,
      stderr: "",
      registrations: [
        ...defaults(hook),
        registration("UAPI::Email::delete_domain_forwarder", hook, "a domain forwarder removed"),
        registration("UAPI::Email::store_filter", hook, "a mail filter stored"),
        registration("Api2::Email::storefilter", hook, "a mail filter stored"),
        registration(
          "UAPI::Email::passwd_pop",
          hook,
          "a mailbox password changed (never the password)",
        ),
        registration(
          "Api2::Email::passwdpop",
          hook,
          "a mailbox password changed (never the password)",
        ),
      ],
    });
  });

  it("--all lists every supported registration whatever the config says", async () => {
    const all: Array<[string, string]> = [
      ["UAPI::Email::add_forwarder", "a forwarder added"],
      ["Api2::Email::addforward", "a forwarder added"],
      ["UAPI::Email::delete_forwarder", "a forwarder removed"],
      ["Api2::Email::delforward", "a forwarder removed"],
      ["UAPI::Email::add_domain_forwarder", "a domain forwarder added"],
      ["Api2::Email::adddomainforward", "a domain forwarder added"],
      ["UAPI::Email::delete_domain_forwarder", "a domain forwarder removed"],
      ["UAPI::Email::store_filter", "a mail filter stored"],
      ["Api2::Email::storefilter", "a mail filter stored"],
      ["UAPI::Email::delete_filter", "a mail filter deleted"],
      ["Api2::Email::deletefilter", "a mail filter deleted"],
      ["UAPI::Email::passwd_pop", "a mailbox password changed (never the password)"],
      ["Api2::Email::passwdpop", "a mailbox password changed (never the password)"],
      ["UAPI::Email::add_pop", "a mailbox created"],
      ["Api2::Email::addpop", "a mailbox created"],
      ["UAPI::Email::delete_pop", "a mailbox deleted"],
      ["Api2::Email::delpop", "a mailbox deleted"],
      ["UAPI::Email::add_auto_responder", "an autoresponder added"],
      ["UAPI::Email::delete_auto_responder", "an autoresponder deleted"],
      ["UAPI::Email::set_default_address", "the default address set"],
      ["Api2::Email::setdefaultaddress", "the default address set"],
    ];
    expect(await describeWith(["--describe", "--all", "--hook-path", INSTALLED])).toEqual({
      code: 0,
      stderr: "",
      registrations: all.map(([event, what]) => registration(event, INSTALLED, what)),
    });
  });

  it("registers the bin's own real path when started through it", async () => {
    sandbox = await makeSandbox();
    const hook = `${realpathSync(HOOK_BIN)} --config ${sandbox.configPath}`;
    expect(await describeWith(["--describe", `--config=${sandbox.configPath}`], HOOK_BIN)).toEqual({
      code: 0,
      stderr: "",
      registrations: defaults(hook),
    });
  });

  it("describes the defaults with a warning when the config cannot be read", async () => {
    sandbox = await makeSandbox();
    const missing = `${sandbox.root}/etc/missing.yml`;
    expect(
      await describeWith(["--describe", "--config", missing, "--hook-path", INSTALLED]),
    ).toEqual({
      code: 0,
      stderr:
        "spoor-cpanel-hook: configuration not read (ConfigError); describing the default events only\n",
      registrations: defaults(`${INSTALLED} --config ${missing}`),
    });
  });

  it.each([
    ["/usr/local/cpanel/3rdparty/bin/spoor hook", "whitespace"],
    ["/usr/local/cpanel/3rdparty/bin/spoor\thook", "whitespace"],
    ["/opt/spoor/hook;reboot", "metacharacter"],
    ["relative/spoor-cpanel-hook", "relative"],
  ])("refuses to register %j", async (hookPath) => {
    const run = await runHookProcess(["--describe", "--all", "--hook-path", hookPath], "");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^spoor-cpanel-hook: cannot register "[^\n]+": [^\n]+\n$/);
  });
});

describe("command line", () => {
  it.each([
    [["--bogus"]],
    [["--config"]],
    [["--all"]],
    [["--hook-path", INSTALLED]],
    [["--describe=yes"]],
  ])("refuses %j with exit 2 and nothing on stdout", async (args) => {
    const run = await runHookProcess(args, "");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^spoor-cpanel-hook: [^\n]+; usage: spoor-cpanel-hook [^\n]+\n$/);
  });
});
