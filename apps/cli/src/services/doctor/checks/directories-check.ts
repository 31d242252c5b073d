import { checkOwnership } from "@spoor/config";
import { spoolDirectories } from "../../install/install.js";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";

/** The state directory and every spool and state directory: 0700, owned by `uid`. Never throws. */
export function checkDirectories(context: DoctorContext): CheckResult[] {
  const directories = [context.paths.stateDirectory, ...spoolDirectories(context.config)];
  const problems = [];
  for (const path of new Set(directories)) {
    try {
      const problem = checkOwnership(path, { kind: "directory", mode: 0o700, uid: context.uid });
      if (problem !== undefined)
        problems.push(result("directories", "fail", problem.problem, problem.fix));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      problems.push(
        result(
          "directories",
          "fail",
          `${path} cannot be checked (${code}).`,
          "run spoor doctor as root",
        ),
      );
    }
  }
  if (problems.length > 0) return problems;
  return [
    result(
      "directories",
      "ok",
      `${directories.length} spool and state directories: mode 0700, owner uid ${context.uid}`,
    ),
  ];
}
