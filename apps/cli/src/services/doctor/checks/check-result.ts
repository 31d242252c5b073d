import type { SpoorConfig } from "@spoor/config";
import type { InstallPaths } from "../../install/install-paths.js";

/** A check's verdict: fine, worth attention, or broken (doctor exits 1). */
export type Verdict = "ok" | "warn" | "fail";

/** One line of the doctor's report. */
export interface CheckResult {
  /** Short and stable, e.g. `config file`, `log access`, `api`. */
  name: string;
  verdict: Verdict;
  /** One line: what was found. */
  reason: string;
  /** The command or action that fixes it (warn and fail). */
  fix?: string;
}

/** What every check may look at. */
export interface DoctorContext {
  paths: InstallPaths;
  configPath: string;
  /** The loaded config (checks needing it are not run without one). */
  config: SpoorConfig;
  /** The uid spoor runs as and that must own its files (the effective uid). */
  uid: number;
  /** ms clock. */
  now: () => number;
}

/** Builds a result; `fix` is left out when undefined. Never throws. */
export function result(name: string, verdict: Verdict, reason: string, fix?: string): CheckResult {
  return fix === undefined ? { name, verdict, reason } : { name, verdict, reason, fix };
}
