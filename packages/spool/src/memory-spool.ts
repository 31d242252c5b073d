import { alternativeName } from "./alternative-name.js";
import { checkEntryName, checkFileName } from "./check-file-name.js";
import { decodeArchived } from "./decode-archived.js";
import { decodeEntry } from "./decode-entry.js";
import { encodeEntry } from "./encode-entry.js";
import { notFoundError } from "./not-found-error.js";
import { planPrune } from "./plan-prune.js";
import { sanitizeReason } from "./sanitize-reason.js";
import { DEFAULT_MAX_QUEUED_ENTRIES, DEFAULT_RETENTION } from "./spool-defaults.js";
import {
  compareSpooledFiles,
  formatSpoolFileName,
  nextSuffix,
  parseSpoolFileName,
  suffixForId,
  unixSecondsFor,
} from "./spool-file-name.js";
import { SpoolFileRejectedError } from "./spool-file-rejected-error.js";
import { SpoolFullError } from "./spool-full-error.js";
import type { SpoolEntry, SpooledFile, SpoolLimits, SpoolStore } from "./spool-types.js";

interface StoredFile {
  bytes: Buffer;
  movedAtMs: number;
  reason?: string;
}

type Place = "parsed" | "transmitted" | "failed" | "quarantine";

/**
 * An in-memory SpoolStore with the filesystem spool's semantics (naming, idempotent
 * rewrites, order, cap, moves, retention), for tests and dry runs. Paths are
 * `memory:/<directory>/<name>`. Never throws on creation.
 */
export function createMemorySpool(options: SpoolLimits = {}): SpoolStore {
  const now = options.now ?? Date.now;
  const maxQueued = options.maxQueuedEntries ?? DEFAULT_MAX_QUEUED_ENTRIES;
  const retention = { ...DEFAULT_RETENTION, ...options.retention };
  const places: Record<Place, Map<string, StoredFile>> = {
    parsed: new Map(),
    transmitted: new Map(),
    failed: new Map(),
    quarantine: new Map(),
  };
  const describe = (place: Place, name: string): SpooledFile => {
    const { type, unixSeconds } = parseSpoolFileName(name)!;
    return { name, path: `memory:/${place}/${name}`, type, unixSeconds };
  };
  const entriesOf = (place: Place): SpooledFile[] =>
    [...places[place].keys()]
      .filter((name) => parseSpoolFileName(name) !== undefined)
      .map((name) => describe(place, name))
      .sort(compareSpooledFiles);
  const writeOne = (entry: SpoolEntry, bytes: Buffer, nowMs: number): SpooledFile => {
    const unixSeconds = unixSecondsFor(entry, nowMs);
    let suffix = suffixForId(entry.id);
    for (;;) {
      const name = formatSpoolFileName(entry.type, unixSeconds, suffix);
      const existing = places.parsed.get(name);
      if (existing === undefined) {
        places.parsed.set(name, { bytes, movedAtMs: nowMs });
        return describe("parsed", name);
      }
      const path = `memory:/parsed/${name}`;
      if (decodeEntry(existing.bytes, name, path, entry.type).id === entry.id) {
        return describe("parsed", name);
      }
      suffix = nextSuffix(suffix);
    }
  };
  const move = (name: string, from: Place, to: Place, reason?: string): string => {
    checkFileName(name);
    const stored = places[from].get(name);
    if (stored === undefined) throw notFoundError(from, name);
    // As the file spool: in the archives an identical file under the name is this entry.
    const sameIsDone = to === "transmitted" || to === "failed";
    let attempt = 0;
    let taken = places[to].get(name);
    while (taken !== undefined && !(sameIsDone && taken.bytes.equals(stored.bytes))) {
      attempt++;
      taken = places[to].get(alternativeName(name, attempt));
    }
    const finalName = alternativeName(name, attempt);
    places[from].delete(name);
    const moved: StoredFile = { bytes: stored.bytes, movedAtMs: taken?.movedAtMs ?? now() };
    if (reason !== undefined) moved.reason = sanitizeReason(reason);
    places[to].set(finalName, moved);
    return finalName;
  };
  const withSize = (place: Place) => (file: SpooledFile) => ({
    ...file,
    size: places[place].get(file.name)!.bytes.length,
  });

  return {
    async write(entries) {
      const encoded = entries.map((entry) => encodeEntry(entry));
      if (entries.length === 0) return [];
      const queued = entriesOf("parsed").length;
      if (queued >= maxQueued) throw new SpoolFullError(queued, maxQueued);
      const nowMs = now();
      return entries.map((entry, index) => writeOne(entry, encoded[index]!, nowMs));
    },
    list: async () => entriesOf("parsed"),
    listTransmitted: async () => entriesOf("transmitted").map(withSize("transmitted")),
    listFailed: async () =>
      entriesOf("failed").map((file) => {
        const reason = places.failed.get(file.name)!.reason;
        const sized = withSize("failed")(file);
        return reason === undefined ? sized : { ...sized, reason };
      }),
    listStrays: async () => [],
    listQuarantined: async () =>
      [...places.quarantine.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, stored]) => {
          const parsed = parseSpoolFileName(name);
          return {
            name,
            path: `memory:/quarantine/${name}`,
            ...(parsed === undefined ? {} : { type: parsed.type, unixSeconds: parsed.unixSeconds }),
            size: stored.bytes.length,
            ...(stored.reason === undefined ? {} : { reason: stored.reason }),
          };
        }),
    async read(file) {
      const path = `memory:/parsed/${file.name}`;
      const parsed = parseSpoolFileName(file.name);
      if (parsed === undefined) throw new SpoolFileRejectedError(path, "bad-name");
      const stored = places.parsed.get(file.name);
      if (stored === undefined) throw notFoundError("parsed", file.name);
      return decodeEntry(Buffer.from(stored.bytes), file.name, path, parsed.type);
    },
    async readArchived(which, name) {
      checkFileName(name);
      const stored = places[which].get(name);
      if (stored === undefined) throw notFoundError(which, name);
      return decodeArchived(Buffer.from(stored.bytes), `memory:/${which}/${name}`);
    },
    markTransmitted: async (file) => void move(file.name, "parsed", "transmitted"),
    markFailed: async (file, reason) => void move(file.name, "parsed", "failed", reason),
    quarantine: async (file, reason) => void move(file.name, "parsed", "quarantine", reason),
    async requeue(name) {
      checkEntryName(name);
      return describe("parsed", move(name, "failed", "parsed"));
    },
    async purge(which) {
      const count = which === "quarantine" ? places[which].size : entriesOf(which).length;
      places[which].clear();
      return count;
    },
    async prune() {
      const retained = entriesOf("transmitted").map((file) => {
        const stored = places.transmitted.get(file.name)!;
        return { name: file.name, movedAtMs: stored.movedAtMs, size: stored.bytes.length };
      });
      const removed = planPrune(retained, retention, now());
      for (const file of removed) places.transmitted.delete(file.name);
      return {
        removed: removed.length,
        bytesFreed: removed.reduce((sum, file) => sum + file.size, 0),
      };
    },
    async stats() {
      const queued = entriesOf("parsed");
      const stats = {
        queued: queued.length,
        transmitted: entriesOf("transmitted").length,
        failed: entriesOf("failed").length,
        quarantined: places.quarantine.size,
        strays: 0,
      };
      const oldest = queued[0];
      return oldest === undefined ? stats : { ...stats, oldestQueuedUnix: oldest.unixSeconds };
    },
  };
}
