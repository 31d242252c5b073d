import { resolve } from "node:path";
import { installPaths } from "../install/install-paths.js";
import { checkAgentStatus } from "./checks/agent-status-check.js";
import { checkApi } from "./checks/api-check.js";
import type { CheckResult, DoctorContext, Verdict } from "./checks/check-result.js";
import { checkConfig } from "./checks/config-check.js";
import { checkDirectories } from "./checks/directories-check.js";
import { checkHookRegistration } from "./checks/hook-registration-check.js";
import { checkHookScript } from "./checks/hook-script-check.js";
import { checkLoginLogging } from "./checks/login-logging-check.js";
import { checkLogs } from "./checks/logs-check.js";
import { checkSpool } from "./checks/spool-check.js";
import { connectSystemd } from "./checks/systemd-live.js";
import { checkUnits } from "./checks/units-check.js";

/** What `spoor doctor` looks at. */
export interface DoctorOptions {
  root?: string;
  /** Default `<root>/etc/spoor/spoor.yml`. */
  configPath?: string;
  /** Ask the Spoor API (default true). */
  checkApi?: boolean;
  now?: () => number;
}

/** Every check's result and the overall verdict (the worst one). */
export interface DoctorReport {
  verdict: Verdict;
  checks: CheckResult[];
}

/**
 * Runs every check in order: config, directories, logs, successful-login logging, hook
 * script and registration, units (live systemd state when root is "/" and systemd runs),
 * spool, the running agent's status, API. Checks that need the config are skipped when it does not load (the config
 * check says so). Never throws.
 */
export async function doctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  const paths = installPaths(options.root);
  const configPath = resolve(options.configPath ?? paths.configPath);
  const uid = process.geteuid?.() ?? 0;
  const loaded = await checkConfig(configPath, paths.root, uid);
  const checks = [...loaded.results];
  if (loaded.config !== undefined) {
    const context: DoctorContext = {
      paths,
      configPath,
      config: loaded.config,
      uid,
      now: options.now ?? Date.now,
    };
    const live = paths.root === "/" ? await connectSystemd() : undefined;
    checks.push(
      ...checkDirectories(context),
      ...(await checkLogs(context)),
      await checkLoginLogging(context),
      await checkHookScript(context),
      await checkHookRegistration(context),
      ...(await checkUnits(context, live)),
      ...(await checkSpool(context)),
      await checkAgentStatus(context),
    );
    if (options.checkApi !== false) checks.push(await checkApi(context));
  }
  return { verdict: worst(checks), checks };
}

function worst(checks: readonly CheckResult[]): Verdict {
  if (checks.some((check) => check.verdict === "fail")) return "fail";
  return checks.some((check) => check.verdict === "warn") ? "warn" : "ok";
}
