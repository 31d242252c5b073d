/**
 * How a spoor daemon is started (`@spoor/agent/launch`, a module without imports): the Node
 * flags before its entry script, the environment, and the V8 flags each daemon sets for
 * itself. The first two take effect only at process start (V8 creates its threads and glibc configures its
 * allocator before any JavaScript runs), so `spoor install` writes them into each unit's
 * `ExecStart` and `Environment=`, and the benchmarks and end-to-end tests start the daemons
 * the same way. Each one was measured on spoor-agent under a 1,000 lines/s replay (resident
 * size after 60 s; README "Footprint").
 */

/**
 * Node/V8 flags for every daemon, before the entry script.
 * - `--no-sparkplug`: no baseline machine code for warm functions (hot ones are still
 *   optimised): about 1.4 MiB, drain rate unchanged.
 * - `--expose-gc`: lets `startHeapTrim` collect the garbage a busy daemon piles up before V8
 *   would: about 2 MiB after a minute of replay, more later.
 *
 * Left out: `--single-threaded` (no V8 worker threads) saved another 1 MiB but cost the
 * transmitter 5–10 % of its drain rate, which then fell under 2,000 entries/s in some runs.
 */
export const DAEMON_NODE_FLAGS: readonly string[] = ["--no-sparkplug", "--expose-gc"];

/**
 * Environment of every daemon: glibc's allocator tuned for a small long-running process.
 * - `MALLOC_ARENA_MAX=2`: two malloc arenas instead of eight per core, about 3 MiB.
 * - `MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_` (64 KiB): blocks of 64 KiB or more
 *   come from their own mappings and go back to the system when freed, and free memory at the
 *   top of the heap is returned sooner, about 2.5 MiB.
 */
export const DAEMON_ENVIRONMENT: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: "65536",
  MALLOC_TRIM_THRESHOLD_: "65536",
};

/**
 * V8 flags every spoor daemon sets when it starts, before loading the rest of spoor.
 *
 * `--semi-space-growth-factor=1` keeps V8's young generation at its initial size instead of
 * doubling it (up to 16 MiB per semi-space) as garbage that survives a collection
 * accumulates. A daemon following busy logs allocates steadily (stat results, buffers,
 * promises) and keeps little of it, so the bigger nursery only grows the resident size:
 * measured on spoor-agent under a 1,000 lines/s replay, 95.6 MiB after three minutes with the
 * default and 73.6 MiB with this flag; the transmitter's drain rate is unchanged (2,300–2,400
 * entries/s either way). It is one of the few V8 flags read each time it is used (at every growth
 * decision), so setting it at run time takes effect; `--max-semi-space-size` would be the
 * documented way, but only as a `node` command-line flag (`NODE_OPTIONS` or the unit's
 * `ExecStart`), which a bin cannot set for itself.
 */
export const DAEMON_V8_FLAGS: readonly string[] = ["--semi-space-growth-factor=1"];

/**
 * The sandbox every spoor unit (agent, followers, transmitter, server) runs under, in the
 * order the units print it: kernel, process and system-call confinement. Each unit adds its
 * own file-system, network and identity lines around it.
 */
export const UNIT_SANDBOX_DIRECTIVES: readonly string[] = [
  "ProtectKernelTunables=yes",
  "ProtectKernelModules=yes",
  "ProtectKernelLogs=yes",
  "ProtectControlGroups=yes",
  "ProtectClock=yes",
  "ProtectHostname=yes",
  "ProtectProc=invisible",
  "ProcSubset=pid",
  "RestrictNamespaces=yes",
  "LockPersonality=yes",
  "RestrictRealtime=yes",
  "RestrictSUIDSGID=yes",
  "RemoveIPC=yes",
  "KeyringMode=private",
  "SystemCallArchitectures=native",
  "SystemCallFilter=@system-service",
  "SystemCallFilter=~@privileged",
  "SystemCallErrorNumber=EPERM",
];
