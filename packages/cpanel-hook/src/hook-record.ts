import { callFailed } from "./call-outcome.js";
import { filterRedirects } from "./filter-actions.js";
import { forwardAddedData } from "./forward-added-data.js";
import type { HookEventKind, HookEventSpec } from "./hook-events.js";
import { isRecord, type JsonRecord, optionalText, own, pickText } from "./json-fields.js";
import type { HookPayload } from "./payload.js";
import { PayloadRejectedError } from "./payload-rejected-error.js";

/** What the hook records for one call: the error_log tag and the minimal hook data. */
export interface HookRecord {
  kind: HookEventKind;
  /** `spoor_forward_added` (the original's tag) or `spoor_<kind>`. */
  tag: string;
  /** The subset of cPanel's `data` the error parser reads for this kind, nothing else. */
  data: JsonRecord;
}

/** Why a well-formed payload is deliberately not recorded. */
export type SkipReason = "call-failed" | "not-post-stage";

interface ArgsRule {
  /** `args` keys copied (as safe text). */
  copy: readonly string[];
  /** Each group needs one non-empty key. */
  require: ReadonlyArray<readonly string[]>;
  /** Whether the cPanel account (`data.user`) is copied: account-level events name it. */
  user: boolean;
}

const MAILBOX: ArgsRule = { copy: ["email", "domain"], require: [["email"]], user: false };

const RULES: Record<Exclude<HookEventKind, "forward_added_partial_recipient">, ArgsRule> = {
  forward_removed_recipient: {
    copy: ["address", "email", "domain", "forwarder", "emaildest"],
    require: [
      ["address", "email"],
      ["forwarder", "emaildest"],
    ],
    user: false,
  },
  domain_forward_added: {
    copy: ["domain", "destdomain"],
    require: [["domain"], ["destdomain"]],
    user: true,
  },
  domain_forward_removed: { copy: ["domain"], require: [["domain"]], user: true },
  filter_stored: { copy: ["account", "filtername"], require: [["filtername"]], user: true },
  filter_deleted: { copy: ["account", "filtername"], require: [["filtername"]], user: true },
  mailbox_password_changed: MAILBOX,
  mailbox_created: MAILBOX,
  mailbox_deleted: MAILBOX,
  autoresponder_added: MAILBOX,
  autoresponder_deleted: MAILBOX,
  default_address_set: {
    copy: ["domain", "fwdopt", "fwdemail", "fwdsystem", "pipefwd"],
    require: [["domain"]],
    user: true,
  },
};

/**
 * Turns a decoded payload of a supported event into what the hook records, or the reason it
 * records nothing (a pre-stage or check/rollback run, a failed call). Only the fields the
 * error parser reads are copied, each checked as safe text: never a password, a message body
 * or the rest of the payload.
 * @throws PayloadRejectedError ("bad-shape", "bad-field") for wrong types, missing required
 * fields or unsafe text.
 */
export function buildHookRecord(
  spec: HookEventSpec,
  payload: HookPayload,
): { record: HookRecord } | { skip: SkipReason } {
  if ((payload.stage ?? "post") !== "post" || (payload.point ?? "main") !== "main") {
    return { skip: "not-post-stage" };
  }
  if (callFailed(spec, payload.data)) return { skip: "call-failed" };
  const rawArgs = own(payload.data, "args") ?? {};
  if (!isRecord(rawArgs)) throw new PayloadRejectedError("bad-shape", "data.args");
  if (spec.kind === "forward_added_partial_recipient") {
    const data = forwardAddedData(spec, rawArgs, payload.data);
    return { record: { kind: spec.kind, tag: "spoor_forward_added", data } };
  }
  const rule = RULES[spec.kind];
  const args = pickText(rawArgs, rule.copy, "data.args");
  for (const group of rule.require) {
    if (!group.some((key) => typeof args[key] === "string" && args[key] !== "")) {
      throw new PayloadRejectedError("bad-field", `data.args.${group.join("|")}`);
    }
  }
  if (spec.kind === "filter_stored") Object.assign(args, filterRedirects(rawArgs));
  const data: JsonRecord = { args };
  const user = rule.user ? optionalText(payload.data, "user", "data.user") : undefined;
  if (user !== undefined) data.user = user;
  return { record: { kind: spec.kind, tag: `spoor_${spec.kind}`, data } };
}
