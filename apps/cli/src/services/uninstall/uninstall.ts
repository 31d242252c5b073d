import { rm, unlink } from "node:fs/promises";
import { UserFacingError } from "@spoor/config";
import { CPANEL_TOOLS, type InstallPaths, installPaths } from "../install/install-paths.js";
import type { PostInstallStep } from "../install/post-install-steps.js";
import { ALL_UNIT_NAMES, removeUnit } from "../install/unit-install.js";
import { exists } from "../path-probes.js";
import type { PathOutcome } from "../steps/path-outcome.js";
import { type CommandRunner, runSteps, type StepResult } from "../steps/run-steps.js";

/** What `spoor uninstall` is asked to do. */
export interface UninstallOptions {
  root?: string;
  /** Also remove the config and every queued, sent or failed entry. */
  purge?: boolean;
  /** Stop the units and unregister the hook now (root "/" only) instead of printing how. */
  now?: boolean;
  runCommand?: CommandRunner;
}

/** What `spoor uninstall` removed and kept, and the steps left (or how they went). */
export interface UninstallResult {
  paths: InstallPaths;
  /** The spoor units that were installed. */
  units: string[];
  outcomes: PathOutcome[];
  steps: PostInstallStep[];
  stepResults?: StepResult[];
}

/**
 * Removes spoor: the units (and their boot links) and the hook script; with `purge` also
 * `etc/spoor` and `var/lib/spoor`, else they are kept. With `now` it first runs
 * `systemctl disable --now`, `systemctl reset-failed` and `manage_hooks delete script` (which
 * needs the script), then
 * `systemctl daemon-reload`; without it, it prints the commands that finish the job
 * afterwards (`systemctl stop`, `daemon-reload`, `manage_hooks prune`).
 * @throws UserFacingError for `now` with a root other than "/"; filesystem errors.
 */
export async function uninstall(options: UninstallOptions = {}): Promise<UninstallResult> {
  const paths = installPaths(options.root);
  if (options.now && paths.root !== "/") {
    throw new UserFacingError(
      `--now runs systemctl and cPanel's tools on this machine, but --root ${paths.root} is not this machine's root.`,
      "drop --now (the steps are printed instead)",
    );
  }
  const units: string[] = [];
  for (const name of ALL_UNIT_NAMES) {
    if (await exists(`${paths.unitDirectory}/${name}`)) units.push(name);
  }
  const hookInstalled = await exists(paths.hookPath);
  const before = beforeRemovalSteps(units, hookInstalled, paths);
  const stepResults = options.now ? await runEach(before, options.runCommand) : undefined;

  const outcomes: PathOutcome[] = [];
  for (const name of ALL_UNIT_NAMES) outcomes.push(...(await removeUnit(paths, name)));
  if (hookInstalled) {
    await unlink(paths.hookPath);
    outcomes.push({ path: paths.hookPath, action: "removed" });
  }
  outcomes.push(...(await removeOrKeepData(paths, options.purge === true)));

  const reload: PostInstallStep = {
    purpose: "make systemd forget the removed units",
    argv: ["systemctl", "daemon-reload"],
  };
  if (stepResults !== undefined) {
    stepResults.push(...(await runEach([reload], options.runCommand)));
    return { paths, units, outcomes, steps: [...before, reload], stepResults };
  }
  return { paths, units, outcomes, steps: afterRemovalSteps(units, hookInstalled, reload) };
}

function beforeRemovalSteps(
  units: string[],
  hookInstalled: boolean,
  paths: InstallPaths,
): PostInstallStep[] {
  const steps: PostInstallStep[] = [];
  if (units.length > 0) {
    steps.push({
      purpose: "stop spoor and keep it from starting at boot",
      argv: ["systemctl", "disable", "--now", ...units],
    });
    steps.push({
      purpose: "forget a failed state (systemd keeps listing a failed unit whose file is gone)",
      argv: ["systemctl", "reset-failed", ...units],
    });
  }
  if (hookInstalled) {
    steps.push({
      purpose: "unregister the cPanel hook",
      argv: [CPANEL_TOOLS.manageHooks, "delete", "script", paths.hookPath],
    });
  }
  return steps;
}

function afterRemovalSteps(
  units: string[],
  hookInstalled: boolean,
  reload: PostInstallStep,
): PostInstallStep[] {
  const steps: PostInstallStep[] = [];
  if (units.length > 0)
    steps.push({ purpose: "stop the running units", argv: ["systemctl", "stop", ...units] });
  steps.push(reload);
  if (hookInstalled) {
    steps.push({
      purpose: "drop hook registrations whose script is gone (spoor's)",
      argv: [CPANEL_TOOLS.manageHooks, "prune"],
    });
  }
  return steps;
}

/** Runs every step (uninstall is best effort: a failure does not stop the next). */
async function runEach(steps: PostInstallStep[], run?: CommandRunner): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) results.push(...(await runSteps([step], run)));
  return results;
}

async function removeOrKeepData(paths: InstallPaths, purge: boolean): Promise<PathOutcome[]> {
  const outcomes: PathOutcome[] = [];
  for (const [path, what] of [
    [paths.configDirectory, "the config and its API credentials"],
    [paths.stateDirectory, "queued, sent and failed entries, follower checkpoints"],
  ] as const) {
    if (!(await exists(path))) continue;
    if (purge) {
      await rm(path, { recursive: true, force: true });
      outcomes.push({ path, action: "removed", detail: what });
    } else {
      outcomes.push({ path, action: "kept", detail: `${what}; --purge removes it` });
    }
  }
  return outcomes;
}
