import { h, link } from "../dom.js";
import { asnText, formatTime, stateLabel, typeLabel } from "../format.js";
import type { MailboxEvent } from "../types.js";

function fact(name: string, value: string | null | undefined | Node) {
  if (value === null || value === undefined || value === "") return null;
  return [h("dt", {}, name), h("dd", {}, value)];
}

/**
 * A timeline of mailbox events, oldest first: time, what happened, and the network facts
 * (IP, network, ASN, country) and forward recipient of each. Never throws.
 */
export function eventTimeline(events: MailboxEvent[]): HTMLOListElement {
  const sorted = [...events].sort(
    (a, b) => (a.event_time ?? 0) - (b.event_time ?? 0) || a.id - b.id,
  );
  return h(
    "ol",
    { attrs: { class: "timeline" } },
    sorted.map((event) => {
      const actor = event.ip_actor;
      return h(
        "li",
        {
          attrs: {
            "data-event-id": String(event.id),
            class: `event type-${/^[a-z_]{1,40}$/.test(event.type) ? event.type : "other"}`,
          },
        },
        h("time", {}, formatTime(event.event_time)),
        h("strong", { attrs: { class: "what" } }, typeLabel(event.type)),
        h(
          "dl",
          {},
          fact(
            "Mailbox",
            event.mailbox_address
              ? link(
                  `/mailboxes/${encodeURIComponent(event.mailbox_address)}`,
                  event.mailbox_address,
                )
              : null,
          ),
          fact("Host", event.host),
          fact("IP", actor.ip_address),
          fact("Network", actor.network),
          fact("ASN", actor.asn === null ? null : asnText(actor.asn, actor.as_name)),
          fact("Country", actor.country),
          fact("Forward recipient", event.forward_recipient),
          fact("Class", event.class === null ? "not assessed" : stateLabel(event.class)),
        ),
      );
    }),
  );
}
