/**
 * The console page of an alert, `<publicUrl>/alerts/<id>`, or null without a public URL.
 * Never throws.
 */
export function consoleLink(publicUrl: string | undefined, alertId: number): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, "")}/alerts/${encodeURIComponent(String(alertId))}`;
}
