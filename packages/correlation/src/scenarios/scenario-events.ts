import type { ScenarioEvent } from "./scenario.js";

/** 2026-01-01T00:00:00Z: day 0 of every scenario. */
export const T0 = 1_767_225_600;
/** Seconds in a minute. */
export const MINUTE = 60;
/** Seconds in an hour. */
export const HOUR = 3_600;
/** Seconds in a day. */
export const DAY = 86_400;

/** Enrichment of a scenario address. */
export interface Actor {
  ip: string;
  network?: string;
  asn?: number | null;
  as_name?: string | null;
  country?: string | null;
}

function networkOf(actor: Actor): string | null {
  if (actor.network !== undefined) return actor.network;
  const parts = actor.ip.split(".");
  return parts.length === 4 ? `${parts.slice(0, 3).join(".")}.0/24` : null;
}

function base(
  label: string,
  time: number,
  host: string,
  type: string,
  mailbox: string | null,
): ScenarioEvent {
  return {
    label,
    event_time: time,
    host,
    type,
    mailbox_address: mailbox,
    ip: null,
    network: null,
    asn: null,
    as_name: null,
    country: null,
    forward_recipient: null,
  };
}

function withActor(event: ScenarioEvent, actor: Actor): ScenarioEvent {
  return {
    ...event,
    ip: actor.ip,
    network: networkOf(actor),
    asn: actor.asn ?? null,
    as_name: actor.as_name ?? null,
    country: actor.country ?? null,
  };
}

/** A successful webmail login. */
export function login(
  label: string,
  time: number,
  host: string,
  mailbox: string,
  actor: Actor,
): ScenarioEvent {
  return withActor(base(label, time, host, "login", mailbox), actor);
}

/** The two halves of a forwarder added through webmail: the ip half (`label-ip`) and the recipient half (`label`). */
export function forwarderHalves(
  label: string,
  time: number,
  host: string,
  mailbox: string,
  actor: Actor,
  recipient: string,
): ScenarioEvent[] {
  return [
    withActor(base(`${label}-ip`, time, host, "forward_added_partial_ip", mailbox), actor),
    {
      ...base(label, time, host, "forward_added_partial_recipient", mailbox),
      forward_recipient: recipient,
    },
  ];
}

/** A hook event of `type` (forward_added_partial_recipient alone, filter_stored, mailbox_password_changed, …). */
export function hookEvent(
  label: string,
  time: number,
  host: string,
  type: string,
  mailbox: string | null,
  recipient: string | null = null,
): ScenarioEvent {
  return { ...base(label, time, host, type, mailbox), forward_recipient: recipient };
}

/** A forwarder removed through webmail (access log). */
export function forwarderRemoved(
  label: string,
  time: number,
  host: string,
  mailbox: string,
  actor: Actor,
  recipient: string,
): ScenarioEvent {
  return {
    ...withActor(base(label, time, host, "forward_removed", mailbox), actor),
    forward_recipient: recipient,
  };
}

/** One event per day from `fromDay` to `toDay` (inclusive) at `offset` seconds into the day, for days `keep` accepts. */
export function daily(
  fromDay: number,
  toDay: number,
  offset: number,
  make: (day: number, time: number) => ScenarioEvent,
  keep: (day: number) => boolean = () => true,
): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (let day = fromDay; day <= toDay; day += 1)
    if (keep(day)) events.push(make(day, T0 + day * DAY + offset));
  return events;
}
