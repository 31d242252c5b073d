import type { EntryContext, HookEventName } from "./entry.js";
import { type JsonRecord, mailboxAddress, nonEmptyText, text } from "./hook-data.js";

/** The fields of a hook entry after `type`, `event`, `log_time` and `status`. */
export interface HookFields {
  context: EntryContext;
  email: string | null;
  [field: string]: unknown;
}

type Builder = (args: JsonRecord, user: string | null) => HookFields;

function mailboxContext(email: string | null): EntryContext {
  return email?.includes("@") ? "mailbox" : "unrecognised";
}

function mailbox(args: JsonRecord): HookFields {
  const email = mailboxAddress(args);
  return { context: mailboxContext(email), email };
}

/** The filter's account: a mailbox, or the cPanel account for account-level filters. */
function filterOwner(args: JsonRecord, user: string | null): HookFields {
  const account = nonEmptyText(args, "account");
  return {
    context: account?.includes("@") ? "mailbox" : "domain",
    email: account ?? user,
  };
}

/** Destinations of the filter's `deliver` (redirect) and `pipe` actions, comma-joined. */
function filterDestinations(args: JsonRecord): string | null {
  const found: Array<[number, string]> = [];
  for (const key of Object.keys(args)) {
    const number = /^action(\d{1,4})$/.exec(key)?.[1];
    if (number === undefined) continue;
    const action = text(args, key);
    if (action !== "deliver" && action !== "pipe") continue;
    const destination = nonEmptyText(args, `dest${number}`);
    if (destination !== null) found.push([Number(number), destination]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return found.length === 0 ? null : found.map(([, destination]) => destination).join(",");
}

const FORWARD_TYPES: Readonly<Record<string, [string, string | null]>> = {
  fwd: ["email", "fwdemail"],
  system: ["system_user", "fwdsystem"],
  pipe: ["pipe", "pipefwd"],
  fail: ["fail", null],
  blackhole: ["blackhole", null],
};

function defaultAddress(args: JsonRecord, user: string | null): HookFields {
  const option = text(args, "fwdopt");
  const known = option !== null && Object.hasOwn(FORWARD_TYPES, option);
  const [forwardType, source] = known ? FORWARD_TYPES[option]! : [null, null];
  return {
    context: "domain",
    email: user,
    domain: nonEmptyText(args, "domain"),
    forward_type: forwardType,
    forward_to: source === null ? null : nonEmptyText(args, source),
  };
}

const BUILDERS: Readonly<
  Record<Exclude<HookEventName, "forward_added_partial_recipient">, Builder>
> = {
  forward_removed_recipient: (args) => {
    const email = nonEmptyText(args, "address") ?? mailboxAddress(args);
    return {
      context: mailboxContext(email),
      email,
      forward_to: nonEmptyText(args, "forwarder") ?? nonEmptyText(args, "emaildest"),
    };
  },
  domain_forward_added: (args, user) => ({
    context: "domain",
    email: user,
    domain: nonEmptyText(args, "domain"),
    forward_to: nonEmptyText(args, "destdomain"),
  }),
  domain_forward_removed: (args, user) => ({
    context: "domain",
    email: user,
    domain: nonEmptyText(args, "domain"),
  }),
  filter_stored: (args, user) => ({
    ...filterOwner(args, user),
    filter_name: nonEmptyText(args, "filtername"),
    forward_to: filterDestinations(args),
  }),
  filter_deleted: (args, user) => ({
    ...filterOwner(args, user),
    filter_name: nonEmptyText(args, "filtername"),
  }),
  mailbox_password_changed: mailbox,
  mailbox_created: mailbox,
  mailbox_deleted: mailbox,
  autoresponder_added: mailbox,
  autoresponder_deleted: mailbox,
  default_address_set: defaultAddress,
};

/** The hook events other than the original's forward addition, in design.md order. */
export type NewHookEventName = keyof typeof BUILDERS;

/** True for a hook event name with its own builder. Never throws. */
export function isNewHookEvent(name: string): name is NewHookEventName {
  return Object.hasOwn(BUILDERS, name);
}

/**
 * The fields of a new hook event from the hook's `args` and the cPanel account `user`
 * (see the README's table). Only text fields are read; never a password. Never throws.
 */
export function hookFields(event: NewHookEventName, args: JsonRecord, user: string | null) {
  return BUILDERS[event](args, user);
}
