/** Severities, lowest first (server.md §4). */
export const SEVERITIES = ["info", "low", "medium", "high"] as const;
/** Alert states (server.md §4). */
export const STATES = ["open", "acknowledged", "resolved", "false_positive"] as const;

/**
 * Unix seconds as `2026-12-03 17:14:05 UTC`; `—` for null.
 *
 * @example formatTime(1764864000) // → "2025-12-04 16:00:00 UTC"
 */
export function formatTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return "—";
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** How long ago, coarsely: `45 s ago`, `12 min ago`, `3 h ago`, `9 d ago`; `never` for null. */
export function formatAge(seconds: number | null, nowSeconds: number): string {
  if (seconds === null) return "never";
  const age = Math.max(0, Math.round(nowSeconds - seconds));
  if (age < 120) return `${age} s ago`;
  if (age < 7200) return `${Math.round(age / 60)} min ago`;
  if (age < 172_800) return `${Math.round(age / 3600)} h ago`;
  return `${Math.round(age / 86_400)} d ago`;
}

const TYPE_LABELS: Record<string, string> = {
  login: "Login",
  forward_added: "Forwarder added",
  forward_added_partial_ip: "Forwarder added (IP half)",
  forward_added_partial_recipient: "Forwarder added (recipient half)",
  forward_removed: "Forwarder removed",
};

/** A person's name for an event type; an unknown type is shown as it came. */
export function typeLabel(type: string): string {
  return Object.hasOwn(TYPE_LABELS, type) ? TYPE_LABELS[type]! : type;
}

/** `AS64500 EXAMPLE-NET`, `AS64500`, or `—` when the ASN is unknown. */
export function asnText(asn: number | null, asName: string | null): string {
  if (asn === null) return "—";
  return asName ? `AS${asn} ${asName}` : `AS${asn}`;
}

/** A state as a person reads it (`false_positive` → `false positive`). */
export function stateLabel(state: string): string {
  return state.replaceAll("_", " ");
}
