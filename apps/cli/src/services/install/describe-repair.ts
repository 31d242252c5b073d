import type { Stats } from "node:fs";

/**
 * What must change for `stats` to match `wanted`, e.g. `mode 0755 → 0700` or
 * `owner 1000:1000 → 0:0, mode 0644 → 0600`; undefined when it already matches. Never throws.
 */
export function describeRepair(
  stats: Pick<Stats, "uid" | "gid" | "mode">,
  wanted: { uid: number; gid: number; mode: number },
): string | undefined {
  const changes: string[] = [];
  if (stats.uid !== wanted.uid || stats.gid !== wanted.gid) {
    changes.push(`owner ${stats.uid}:${stats.gid} → ${wanted.uid}:${wanted.gid}`);
  }
  if ((stats.mode & 0o7777) !== wanted.mode) {
    changes.push(`mode ${octal(stats.mode)} → ${octal(wanted.mode)}`);
  }
  return changes.length === 0 ? undefined : changes.join(", ");
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, "0");
}
