import { cleanList, cleanText } from "./clean-text.js";
import { durationText } from "./duration-text.js";
import type { Incident, IncidentFacts } from "./finding.js";
import type { RuleId } from "./rule-ids.js";

/** "203.0.113.77 (AS64500 Example Net, NL)" from whatever of it is known. */
function actor(facts: IncidentFacts): string {
  const parts: string[] = [];
  if (facts.asn !== null && facts.asn !== undefined) {
    parts.push(facts.as_name ? `AS${facts.asn} ${cleanText(facts.as_name, 60)}` : `AS${facts.asn}`);
  } else if (facts.network) {
    parts.push(`network ${cleanText(facts.network, 60)}`);
  }
  if (facts.country) parts.push(cleanText(facts.country, 8));
  const ip = cleanText(facts.ip ?? "an unknown address", 64);
  return parts.length > 0 ? `${ip} (${parts.join(", ")})` : ip;
}

/** " from 203.0.113.77 (…)", or nothing when no address was reported (a hook-only event). */
function fromActor(facts: IncidentFacts): string {
  return facts.ip ? ` from ${actor(facts)}` : "";
}

function more(count: number, what: string): string {
  return count > 0 ? `; ${count} more ${what} joined this alert` : "";
}

function who(incident: Incident): string {
  const mailbox = cleanText(incident.mailboxes[0] ?? "unknown mailbox", 100);
  const host = cleanText(incident.hosts[0] ?? "unknown host", 80);
  return `${mailbox} on ${host}`;
}

function largest(incidents: readonly Incident[]): Incident {
  return incidents.reduce((best, incident) =>
    incident.eventIds.length > best.eventIds.length ? incident : best,
  );
}

function takeoverAction(facts: IncidentFacts): string {
  const recipient = cleanText(facts.recipient, 100);
  if (facts.action === "password_changed") return "password changed";
  if (facts.action === "filter_stored") return `mail filter redirecting to ${recipient} stored`;
  return `forwarder to ${recipient} added`;
}

/**
 * The one-sentence summary of an alert made of `incidents` (sorted by anchor time, at least
 * one). Deterministic: equal incidents give equal text. Host-reported text is cleaned
 * (no control or bidi characters, bounded length), so a hostile field stays data.
 *
 * @example
 * // takeover-sequence, facts {ip:"203.0.113.77", asn:64500, seconds_after:40, …}
 * // → "alice@example.com: forwarder to attacker@evil.example added 40 s after the first login
 * //    from 203.0.113.77 (AS64500 Example Net, NL), never seen for this mailbox in 30 days"
 */
export function summarize(rule: RuleId, incidents: readonly Incident[]): string {
  const first = incidents[0]!;
  const facts = first.facts;
  const extra = incidents.length - 1;
  switch (rule) {
    case "novel-login":
      return `${who(first)}: login from ${actor(facts)}, a network this mailbox has not used in ${facts.window_days} days${more(extra, "new-network logins")}`;
    case "external-forwarder":
      return `${who(first)}: forwarder to ${cleanText(facts.recipient, 100)} added${fromActor(facts)}; its domain is not one of this host's mailbox domains${more(extra, "external forwarders")}`;
    case "login-burst": {
      const top = largest(incidents);
      return `${who(top)}: logins from ${top.facts.networks} different networks within ${top.facts.window_hours} h (${cleanText(top.facts.network_list, 200)}); the password may be in other hands`;
    }
    case "takeover-sequence":
      return `${cleanText(first.mailboxes[0] ?? "unknown mailbox", 100)}: ${takeoverAction(facts)} ${durationText(Number(facts.seconds_after))} after the first login from ${actor(facts)}, never seen for this mailbox in ${facts.window_days} days${more(extra, "takeover steps")}`;
    case "forwarder-churn":
      return `${who(first)}: forwarder to ${cleanText(facts.recipient, 100)} added${fromActor(facts)} and removed again ${durationText(Number(facts.seconds_after))} later; mail may have been copied out meanwhile${more(extra, "add-and-remove pairs")}`;
    case "shared-destination": {
      const top = largest(incidents);
      return `${cleanText(top.facts.recipient, 100)}: set as forwarder destination on ${top.facts.mailbox_count} mailboxes within ${top.facts.window_days} days (${cleanList(top.mailboxes)})`;
    }
    case "ip-spray": {
      const top = largest(incidents);
      return `${actor(top.facts)}: logged in to ${top.facts.mailbox_count} mailboxes within ${top.facts.window_minutes} min (${cleanList(top.mailboxes)})`;
    }
    case "agent-silent":
      return `${cleanText(first.hosts[0] ?? "unknown host", 80)}: no heartbeat from the spoor agent for ${durationText(Number(facts.silent_seconds))}`;
  }
}
