const DAY = 86_400;

/** The strings a takeover's entries carry (hostile ones in the hostile test). */
export interface TakeoverNames {
  host: string;
  mailbox: string;
  recipient: string;
  context?: string;
}

/**
 * Entries of a mailbox takeover ending `endsAt` (Unix seconds): ten days of logins from home
 * (81.2.69.160, AS20712, GB), a login from a new network (185.220.101.4, AS60729, DE), a
 * forwarder to the attacker 40 s later (its two halves), and its removal two hours on.
 */
export function takeoverEntries(names: TakeoverNames, endsAt: number) {
  const t = endsAt - 2 * 3600 - 60;
  const base = {
    host: names.host,
    mailbox_address: names.mailbox,
    context: names.context ?? "mailbox",
  };
  const entries: Array<Record<string, unknown>> = [];
  for (let day = 10; day >= 1; day--) {
    entries.push({ ...base, type: "login", time: t - day * DAY, ip: "81.2.69.160" });
  }
  entries.push({ ...base, type: "login", time: t, ip: "185.220.101.4" });
  entries.push({ ...base, type: "forward_added_partial_ip", time: t + 40, ip: "185.220.101.4" });
  entries.push({
    ...base,
    type: "forward_added_partial_recipient",
    time: t + 41,
    forward_recipient: names.recipient,
  });
  entries.push({
    ...base,
    type: "forward_removed",
    time: t + 2 * 3600,
    forward_recipient: names.recipient,
    ip: "185.220.101.4",
  });
  return entries;
}

/** A report body as the agent sends it. */
export function reportOf(entries: unknown[], reporter: string) {
  return { report: { entries, metadata: { reporter } } };
}
