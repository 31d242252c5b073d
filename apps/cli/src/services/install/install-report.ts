import { shellWords } from "@spoor/errors";
import type { PathOutcome } from "../steps/path-outcome.js";
import type { StepResult } from "../steps/run-steps.js";
import type { InstallResult } from "./install.js";
import type { PostInstallStep } from "./post-install-steps.js";

/** The lines `spoor install` prints: what it did, then the steps left (or how they went). */
export function formatInstallResult(result: InstallResult): string {
  const { paths } = result;
  const lines = [
    `Installed spoor (layout ${result.layout}: ${result.units.join(", ")}) under ${paths.root}`,
    "",
    ...formatOutcomes(result.outcomes),
    "",
  ];
  if (result.stepResults === undefined) {
    lines.push(...formatRemainingSteps(paths.root, result.steps), "");
  } else {
    lines.push("Remaining steps:", "", ...formatStepResults(result.steps, result.stepResults), "");
  }
  for (const warning of result.warnings) lines.push(`Warning: ${warning}`, "");
  if (result.loginLogging === "missing") {
    lines.push(
      `Note: ${paths.cpanelConfigPath} was not found, so "Log successful logins" was not checked (is this a cPanel server?).`,
      "",
    );
  }
  const rootFlag = paths.root === "/" ? "" : ` --root ${shellWords([paths.root])}`;
  lines.push(`Check the installation with: spoor doctor${rootFlag}`);
  return `${lines.join("\n")}\n`;
}

/** One line per path: action, path, and what changed. Never throws. */
export function formatOutcomes(outcomes: readonly PathOutcome[]): string[] {
  return outcomes.map((outcome) => {
    const detail = outcome.detail === undefined ? "" : ` (${outcome.detail})`;
    return `  ${outcome.action.padEnd(9)} ${outcome.path}${detail}`;
  });
}

/** Each step as a comment (its purpose) and a copy-pasteable command. Never throws. */
export function formatSteps(steps: readonly PostInstallStep[]): string[] {
  return steps.flatMap((step) => [
    `  # ${step.purpose}`,
    `  ${shellWords(step.argv)}`,
    ...(step.alternative === undefined ? [] : [`  #   or: ${step.alternative}`]),
  ]);
}

/** The steps left to run by hand under `root`: a heading, then {@link formatSteps}. Never throws. */
export function formatRemainingSteps(root: string, steps: readonly PostInstallStep[]): string[] {
  return [
    root === "/"
      ? "Remaining steps, as root:"
      : `Remaining steps, as root, once ${root} is the running system's root:`,
    "",
    ...formatSteps(steps),
  ];
}

/** Each step with how it went: ok, failed (with its output) or skipped. Never throws. */
export function formatStepResults(
  steps: readonly PostInstallStep[],
  results: readonly StepResult[],
): string[] {
  return steps.flatMap((step, index) => {
    const result = results[index];
    const command = shellWords(step.argv);
    if (result === undefined) return [`  skipped ${command}`];
    if (result.exitCode === 0) return [`  ok      ${command}`];
    const why = result.error ?? `exit ${result.exitCode}`;
    const output =
      result.output === "" ? [] : result.output.split("\n").map((line) => `          ${line}`);
    return [`  failed  ${command} (${why})`, ...output];
  });
}
