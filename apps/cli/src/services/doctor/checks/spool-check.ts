import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";

/** A queued entry older than this means nothing is sending. */
export const STALE_QUEUE_MS = 60 * 60 * 1000;

/**
 * The spool's depth and health: queued entries and the age of the oldest (by the time it was
 * queued), entries the API refused (failed) and files set aside (quarantine). Counts only
 * `*.json` entries, never temp files. Never throws.
 */
export async function checkSpool(context: DoctorContext): Promise<CheckResult[]> {
  const app = context.config.application;
  const queued = await entries(app.parsed_entries_path);
  const failed = await entries(app.transmission_failed_entries_path);
  const quarantined = await entries(app.quarantine_path);
  const sent = await entries(app.transmitted_entries_path);
  const results: CheckResult[] = [];
  let oldest: number | undefined;
  for (const name of queued) {
    const queuedAt = await stat(join(app.parsed_entries_path, name)).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (queuedAt !== undefined && (oldest === undefined || queuedAt < oldest)) oldest = queuedAt;
  }
  const age = oldest === undefined ? undefined : context.now() - oldest;
  const depth = `${queued.length} queued${age === undefined ? "" : ` (oldest ${formatAge(age)})`}, ${sent.length} sent`;
  if (age !== undefined && age > STALE_QUEUE_MS) {
    results.push(
      result(
        "spool queue",
        "warn",
        `${depth}: nothing has been sent for over an hour`,
        "check the unit and api lines of this report; journalctl -u spoor-agent -n 50",
      ),
    );
  } else {
    results.push(result("spool queue", "ok", depth));
  }
  results.push(
    failed.length === 0
      ? result("spool failed", "ok", "no entry refused by the API")
      : result(
          "spool failed",
          "warn",
          `${failed.length} entries refused by the API, in ${app.transmission_failed_entries_path}`,
          "spoor spool list --queue failed shows why; spoor spool retry NAME (or --all) once the cause is fixed",
        ),
  );
  results.push(
    quarantined.length === 0
      ? result("spool quarantine", "ok", "no file set aside")
      : result(
          "spool quarantine",
          "warn",
          `${quarantined.length} unreadable or foreign files set aside in ${app.quarantine_path}`,
          "spoor spool list --queue quarantine shows why (the reason is beside each file)",
        ),
  );
  return results;
}

async function entries(directory: string): Promise<string[]> {
  const names = await readdir(directory).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(".json") && !name.startsWith("."));
}

/** `45s`, `12m`, `3h 5m`, `2d 4h`. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
