import { DEFAULT_HOOK_EVENTS, type HookEventName } from "@spoor/parsers";

/**
 * The entry event names the hook produces: `@spoor/parsers`' hook event names (design.md
 * "Hook event names"), so a kind the parser does not know cannot be registered.
 */
export type HookEventKind = HookEventName;

/** One cPanel event the hook can be registered for. */
export interface HookEventSpec {
  /** The Standardized Hooks event name, e.g. `UAPI::Email::add_forwarder`. */
  cpanelEvent: string;
  /** The entry event it produces. */
  kind: HookEventKind;
  /** UAPI data carries `result`; API2 data carries `output` (cpanel.md §3.4). */
  api: "UAPI" | "Api2";
  /** What a registration says about itself in `manage_hooks list`. */
  description: string;
}

const WHAT: Record<HookEventKind, string> = {
  forward_added_partial_recipient: "a forwarder added",
  forward_removed_recipient: "a forwarder removed",
  domain_forward_added: "a domain forwarder added",
  domain_forward_removed: "a domain forwarder removed",
  filter_stored: "a mail filter stored",
  filter_deleted: "a mail filter deleted",
  mailbox_password_changed: "a mailbox password changed (never the password)",
  mailbox_created: "a mailbox created",
  mailbox_deleted: "a mailbox deleted",
  autoresponder_added: "an autoresponder added",
  autoresponder_deleted: "an autoresponder deleted",
  default_address_set: "the default address set",
};

const EVENTS: ReadonlyArray<[string, HookEventKind]> = [
  ["UAPI::Email::add_forwarder", "forward_added_partial_recipient"],
  ["Api2::Email::addforward", "forward_added_partial_recipient"],
  ["UAPI::Email::delete_forwarder", "forward_removed_recipient"],
  ["Api2::Email::delforward", "forward_removed_recipient"],
  ["UAPI::Email::add_domain_forwarder", "domain_forward_added"],
  ["Api2::Email::adddomainforward", "domain_forward_added"],
  ["UAPI::Email::delete_domain_forwarder", "domain_forward_removed"],
  ["UAPI::Email::store_filter", "filter_stored"],
  ["Api2::Email::storefilter", "filter_stored"],
  ["UAPI::Email::delete_filter", "filter_deleted"],
  ["Api2::Email::deletefilter", "filter_deleted"],
  ["UAPI::Email::passwd_pop", "mailbox_password_changed"],
  ["Api2::Email::passwdpop", "mailbox_password_changed"],
  ["UAPI::Email::add_pop", "mailbox_created"],
  ["Api2::Email::addpop", "mailbox_created"],
  ["UAPI::Email::delete_pop", "mailbox_deleted"],
  ["Api2::Email::delpop", "mailbox_deleted"],
  ["UAPI::Email::add_auto_responder", "autoresponder_added"],
  ["UAPI::Email::delete_auto_responder", "autoresponder_deleted"],
  ["UAPI::Email::set_default_address", "default_address_set"],
  ["Api2::Email::setdefaultaddress", "default_address_set"],
];

/** Every event the hook supports, defaults first, in registration order. */
export const CPANEL_HOOK_EVENTS: readonly HookEventSpec[] = EVENTS.map(([cpanelEvent, kind]) => ({
  cpanelEvent,
  kind,
  api: cpanelEvent.startsWith("UAPI::") ? "UAPI" : "Api2",
  description: `spoor: records ${WHAT[kind]} (${cpanelEvent})`,
}));

/** The spec of a cPanel event name (exact, case-sensitive match); undefined when unsupported. Never throws. */
export function findHookEvent(cpanelEvent: string): HookEventSpec | undefined {
  return CPANEL_HOOK_EVENTS.find((spec) => spec.cpanelEvent === cpanelEvent);
}

/**
 * The events to register: the default kinds (`DEFAULT_HOOK_EVENTS` of `@spoor/parsers`, the
 * original hook's forwarder events) plus the kinds named in the configuration's
 * `transmission.events` (names that are not hook kinds, such as `login`, are ignored there:
 * they concern the log followers). Never throws.
 */
export function selectHookEvents(optedInKinds: readonly string[]): HookEventSpec[] {
  const wanted = new Set<string>([...DEFAULT_HOOK_EVENTS, ...optedInKinds]);
  return CPANEL_HOOK_EVENTS.filter((spec) => wanted.has(spec.kind));
}
