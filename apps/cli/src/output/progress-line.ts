/** A status line rewritten in place on a terminal. */
export interface ProgressLine {
  update(bytesRead: number, totalBytes: number): void;
  /** Erases the line. */
  clear(): void;
}

const MIB = 1024 * 1024;

/**
 * A `read 12.0 MiB / 40.0 MiB (30%)` line on `stream`, redrawn at most every `intervalMs`
 * with a carriage return, when `stream` is a terminal; does nothing otherwise. Never throws.
 */
export function createProgressLine(
  stream: NodeJS.WriteStream,
  label: string,
  intervalMs = 100,
  now: () => number = Date.now,
): ProgressLine {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(bytesRead, totalBytes) {
      const time = now();
      if (time - drawnAt < intervalMs && bytesRead < totalBytes) return;
      drawnAt = time;
      drawn = true;
      stream.write(`\r\x1b[K${formatProgress(label, bytesRead, totalBytes)}`);
    },
    clear() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}

/** `label: read 12.0 MiB / 40.0 MiB (30%)`. Never throws. */
export function formatProgress(label: string, bytesRead: number, totalBytes: number): string {
  const percent = totalBytes > 0 ? Math.min(100, Math.floor((bytesRead / totalBytes) * 100)) : 100;
  const mib = (bytes: number) => (bytes / MIB).toFixed(1);
  return `${label}: read ${mib(bytesRead)} MiB / ${mib(totalBytes)} MiB (${percent}%)`;
}
