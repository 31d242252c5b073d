import { appendFile } from "node:fs/promises";
import type { LogType } from "@spoor/config";
import { corpusLines, type MailboxEvent } from "./log-lines.js";

/** Appends `lines` (each gets "\n") to `path` in one write, as a logging daemon would. */
export async function appendLines(
  path: string,
  lines: ReadonlyArray<string | Buffer>,
): Promise<void> {
  const parts = lines.flatMap((line) => [
    typeof line === "string" ? Buffer.from(line, "utf8") : line,
    Buffer.from("\n"),
  ]);
  await appendFile(path, Buffer.concat(parts));
}

/** A deterministic pseudo-random source (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `events` into their logs in small bursts, each event preceded by `background`
 * real corpus lines of the same log, calling `between(written)` after each burst (where a
 * test injects faults). Resolves once everything is written.
 */
export async function writeTraffic(
  logPath: (type: LogType) => string,
  events: readonly MailboxEvent[],
  options: {
    burst?: number;
    background?: number;
    random?: () => number;
    between?: (written: number) => Promise<void> | void;
  } = {},
): Promise<void> {
  const burst = options.burst ?? 10;
  const background = options.background ?? 2;
  const random = options.random ?? Math.random;
  for (let index = 0; index < events.length; index += burst) {
    const byLog = new Map<LogType, Array<string | Buffer>>();
    for (const event of events.slice(index, index + burst)) {
      const corpus = corpusLines(event.type);
      const lines = byLog.get(event.type) ?? [];
      for (let b = 0; b < background && corpus.length > 0; b++) {
        lines.push(corpus[Math.floor(random() * corpus.length)]!);
      }
      lines.push(event.line);
      byLog.set(event.type, lines);
    }
    for (const [type, lines] of byLog) await appendLines(logPath(type), lines);
    await options.between?.(Math.min(index + burst, events.length));
  }
}
