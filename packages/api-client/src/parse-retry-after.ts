/** The longest wait a `Retry-After` header can ask for (1 hour); longer values are capped. */
export const RETRY_AFTER_CAP_MS = 3_600_000;

const DELTA_SECONDS = /^\d+$/;
// The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7): IMF-fixdate
// "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime
// "Sun Nov  6 08:49:37 1994" (which is UTC, so "GMT" is appended before parsing).
const IMF_OR_RFC850 = /^[A-Za-z]{3,9}, \d{2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

function parseHttpDate(text: string): number {
  if (IMF_OR_RFC850.test(text)) return Date.parse(text);
  if (ASCTIME.test(text)) return Date.parse(`${text} GMT`);
  return Number.NaN;
}

/**
 * Parses a `Retry-After` header value into milliseconds to wait: delta-seconds (`"120"`) or
 * an HTTP-date in any of its three forms (`"Wed, 21 Oct 2015 07:28:00 GMT"`, measured from
 * `nowMs`; a date in the past gives 0). Missing, negative, fractional or unparsable values
 * give `undefined`; anything above {@link RETRY_AFTER_CAP_MS} is capped to it, so a broken
 * server cannot park the queue for days.
 * Never throws.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (DELTA_SECONDS.test(text)) {
    return Math.min(Number(text) * 1000, RETRY_AFTER_CAP_MS);
  }
  const at = parseHttpDate(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - nowMs, 0), RETRY_AFTER_CAP_MS);
}
