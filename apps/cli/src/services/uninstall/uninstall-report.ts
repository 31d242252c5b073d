import {
  formatOutcomes,
  formatRemainingSteps,
  formatStepResults,
} from "../install/install-report.js";
import type { UninstallResult } from "./uninstall.js";

/** The lines `spoor uninstall` prints: what was removed and kept, then the steps. */
export function formatUninstallResult(result: UninstallResult): string {
  const { paths } = result;
  const removed = result.outcomes.some((outcome) => outcome.action === "removed");
  const lines = [
    removed
      ? `Uninstalled spoor under ${paths.root}`
      : `Nothing to uninstall under ${paths.root}: spoor's units and hook are not installed there`,
    "",
  ];
  lines.push(
    ...(result.outcomes.length === 0
      ? ["  nothing was installed"]
      : formatOutcomes(result.outcomes)),
    "",
  );
  if (result.stepResults !== undefined) {
    lines.push("Steps:", "", ...formatStepResults(result.steps, result.stepResults));
  } else {
    lines.push(...formatRemainingSteps(paths.root, result.steps));
  }
  return `${lines.join("\n")}\n`;
}
