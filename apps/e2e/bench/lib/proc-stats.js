// Resident memory and CPU time of a process, from /proc (Linux).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND =
  Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/**
 * @typedef {object} ProcSample
 * @property {number} rssKiB VmRSS
 * @property {number} hwmKiB VmHWM (peak RSS)
 * @property {number} pssKiB Pss of smaps_rollup: shared pages (the node binary) divided among
 *   the processes sharing them, so that a sum over processes counts them once
 * @property {number} cpuSeconds utime + stime
 */

/**
 * Reads `/proc/<pid>/status` (VmRSS, VmHWM), `/proc/<pid>/smaps_rollup` (Pss) and
 * `/proc/<pid>/stat` (utime, stime).
 * @param {number} pid
 * @returns {ProcSample}
 * @throws the read error when the process is gone
 */
export function sampleProcess(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (/** @type {string} */ key) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const pssKiB = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? NaN);
  return {
    rssKiB: kib("VmRSS"),
    hwmKiB: kib("VmHWM"),
    pssKiB,
    cpuSeconds: ticks / TICKS_PER_SECOND,
  };
}

/**
 * Sums samples of several processes (the units layout).
 * @param {readonly number[]} pids
 * @returns {ProcSample}
 */
export function sampleProcesses(pids) {
  return pids.map(sampleProcess).reduce(
    (sum, s) => ({
      rssKiB: sum.rssKiB + s.rssKiB,
      hwmKiB: sum.hwmKiB + s.hwmKiB,
      pssKiB: sum.pssKiB + s.pssKiB,
      cpuSeconds: sum.cpuSeconds + s.cpuSeconds,
    }),
    { rssKiB: 0, hwmKiB: 0, pssKiB: 0, cpuSeconds: 0 },
  );
}
