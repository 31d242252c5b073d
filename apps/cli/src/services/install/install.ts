import { dirname } from "node:path";
import { LOG_TYPES, type LogType, type SpoorConfig, UserFacingError } from "@spoor/config";
import { exists } from "../path-probes.js";
import type { PathOutcome } from "../steps/path-outcome.js";
import { type CommandRunner, runSteps, type StepResult } from "../steps/run-steps.js";
import { resolveDaemonEntries } from "../systemd/daemon-entries.js";
import { hiddenByProtectHome, PROTECT_HOME_FIX } from "../systemd/protect-home.js";
import { type DaemonName, renderUnitFiles, type UnitLayout } from "../systemd/systemd-units.js";
import { applyConfigPlan } from "./config-file-install.js";
import { ensureDirectory, type Ownership } from "./ensure-directory.js";
import { readExistingConfig } from "./existing-config.js";
import { installHookScript } from "./hook-install.js";
import { type ConfigChoices, planConfig } from "./install-config.js";
import { type InstallPaths, installPaths } from "./install-paths.js";
import { type LoginLoggingState, readLoginLogging } from "./login-logging.js";
import { type PostInstallStep, postInstallSteps } from "./post-install-steps.js";
import { installUnits } from "./unit-install.js";

/** What `spoor install` is asked to do. */
export interface InstallOptions {
  /** The system root (default "/"); anything else builds a self-contained sandbox. */
  root?: string;
  /** Default `agent`. */
  layout?: UnitLayout;
  choices: ConfigChoices;
  /** Run the remaining steps instead of only listing them (root "/" only). */
  enable?: boolean;
  /** The node binary the units and the hook run (default `process.execPath`). */
  nodePath?: string;
  /** The daemon entry scripts (default: the installed @spoor/daemons). */
  daemonEntries?: Record<DaemonName, string>;
  /** The hook bundle to install (default: the installed @spoor/cpanel-hook's). */
  hookBundlePath?: string;
  /** How `--enable` runs commands (default child_process.execFile). */
  runCommand?: CommandRunner;
}

/** What `spoor install` did and what is left to do. */
export interface InstallResult {
  paths: InstallPaths;
  layout: UnitLayout;
  units: string[];
  followers: LogType[];
  /** Every path created, written, repaired, kept or removed, in order. */
  outcomes: PathOutcome[];
  loginLogging: LoginLoggingState;
  steps: PostInstallStep[];
  /** With `enable`: how each step went (stops at the first failure). */
  stepResults?: StepResult[];
  /** What the administrator should know: missing logs, units that could not load their code. */
  warnings: string[];
}

/**
 * Installs spoor under `root`: the config (0600; an existing one keeps its keys and
 * credentials unless new ones are given), its directory and the spool and state
 * directories (0700, modes and owners of existing ones repaired), the systemd units (0644),
 * and the cPanel hook script (0755, absolute node shebang). Idempotent.
 * Warns about a configured log that does not exist (the agent waits for it) and, in a sandbox
 * root, about units whose node or entry script `ProtectHome=yes` would hide.
 * @throws UserFacingError for `enable` with a root other than "/", a new install without
 *   credentials, a symbolic link where a file or directory belongs, or (root "/") units whose
 *   code lies under /home or /root, before anything is written; ConfigError for an
 *   existing config that does not load; filesystem errors.
 */
export async function install(options: InstallOptions): Promise<InstallResult> {
  const paths = installPaths(options.root);
  if (options.enable && paths.root !== "/") {
    throw new UserFacingError(
      `--enable runs systemctl and cPanel's tools on this machine, but --root ${paths.root} is not this machine's root.`,
      "drop --enable (the steps are printed instead), or install with --root /",
    );
  }
  const layout = options.layout ?? "agent";
  const nodePath = options.nodePath ?? process.execPath;
  const owner: Omit<Ownership, "mode"> = {
    uid: process.geteuid?.() ?? 0,
    gid: process.getegid?.() ?? 0,
  };
  const outcomes: PathOutcome[] = [];
  const warnings: string[] = [];
  const entryPaths = options.daemonEntries ?? resolveDaemonEntries();
  const hidden = hiddenByProtectHome([nodePath, ...new Set(Object.values(entryPaths))]);
  if (hidden.length > 0) {
    const problem = `the units would run ${hidden.join(", ")}, which their ProtectHome=yes hides: they could not load their code.`;
    if (paths.root === "/") throw new UserFacingError(problem, PROTECT_HOME_FIX);
    warnings.push(`${problem} Fix: ${PROTECT_HOME_FIX}`);
  }

  const existing = await readExistingConfig(paths.configPath, paths.root);
  const plan = planConfig(existing, options.choices, paths.root);
  outcomes.push(await ensureDirectory(dirname(paths.configPath), { ...owner, mode: 0o700 }));
  outcomes.push(
    await applyConfigPlan(
      paths.configPath,
      plan,
      { ...owner, mode: 0o600 },
      existing !== undefined,
    ),
  );
  const config = (await readExistingConfig(paths.configPath, paths.root))!.config;

  for (const directory of [paths.stateDirectory, ...spoolDirectories(config)]) {
    outcomes.push(await ensureDirectory(directory, { ...owner, mode: 0o700 }));
  }

  const followers = LOG_TYPES.filter((type) => config.followers[type] !== undefined);
  const missingLogs: string[] = [];
  for (const type of followers) {
    const log = config.followers[type]!.name;
    if (!(await exists(log))) missingLogs.push(log);
  }
  if (missingLogs.length > 0) {
    const which =
      missingLogs.length === 1 ? `${missingLogs[0]} does` : `${missingLogs.join(", ")} do`;
    warnings.push(
      `${which} not exist (yet): the agent will wait for ${missingLogs.length === 1 ? "it" : "each"} and start reading when it appears (check the path if this is a cPanel server).`,
    );
  }
  const files = renderUnitFiles({
    layout,
    nodePath,
    entryPaths,
    configPath: paths.configPath,
    root: paths.root,
    writablePaths: writablePaths(config, paths),
    followers,
  });
  const units = await installUnits({
    unitDirectory: paths.unitDirectory,
    wantsDirectory: paths.wantsDirectory,
    files,
  });
  outcomes.push(...units.outcomes);
  outcomes.push(
    await installHookScript({
      hookPath: paths.hookPath,
      nodePath,
      ...(options.hookBundlePath === undefined ? {} : { bundlePath: options.hookBundlePath }),
    }),
  );

  const loginLogging = await readLoginLogging(paths.cpanelConfigPath);
  const steps = postInstallSteps({
    units: files.map((file) => file.name),
    removedUnits: units.removedUnits,
    reinstall: units.reinstall,
    hookPath: paths.hookPath,
    legacyHookModulePresent: await exists(paths.legacyHookModulePath),
    loginLogging,
  });
  const result: InstallResult = {
    paths,
    layout,
    units: files.map((file) => file.name),
    followers,
    outcomes,
    loginLogging,
    steps,
    warnings,
  };
  if (options.enable) result.stepResults = await runSteps(steps, options.runCommand);
  return result;
}

/** The spool and state directories a config names. Never throws. */
export function spoolDirectories(config: SpoorConfig): string[] {
  const { application } = config;
  return [
    application.parsed_entries_path,
    application.transmitted_entries_path,
    application.transmission_failed_entries_path,
    application.quarantine_path,
    application.state_path,
  ];
}

/** What the units may write: the state directory when every spool directory is inside it. */
function writablePaths(config: SpoorConfig, paths: InstallPaths): string[] {
  const directories = spoolDirectories(config);
  if (directories.every((directory) => dirname(directory) === paths.stateDirectory)) {
    return [paths.stateDirectory];
  }
  return [...new Set(directories)];
}
