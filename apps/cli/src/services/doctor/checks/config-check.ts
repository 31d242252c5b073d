import { dirname } from "node:path";
import { checkOwnership, loadConfig, type SpoorConfig, UserFacingError } from "@spoor/config";
import { type CheckResult, result } from "./check-result.js";

/**
 * The config directory (0700) and file (0600, owned by `uid`), then whether the file loads.
 * @returns the results and the config when it loaded. Never throws.
 */
export async function checkConfig(
  configPath: string,
  root: string,
  uid: number,
): Promise<{ results: CheckResult[]; config?: SpoorConfig }> {
  const results: CheckResult[] = [];
  const directory = dirname(configPath);
  for (const [name, path, kind, mode] of [
    ["config directory", directory, "directory", 0o700],
    ["config file", configPath, "file", 0o600],
  ] as const) {
    const problem = safely(() => checkOwnership(path, { kind, mode, uid }));
    results.push(
      problem === undefined
        ? result(name, "ok", `${path}: mode ${mode.toString(8).padStart(4, "0")}, owner uid ${uid}`)
        : result(name, "fail", problem.problem, problem.fix),
    );
  }
  try {
    const config = await loadConfig({ path: configPath, root, checkPermissions: false });
    results.push(
      result(
        "config content",
        "ok",
        `${configPath} loads (followers: ${Object.keys(config.followers).join(", ") || "none"})`,
      ),
    );
    return { results, config };
  } catch (error) {
    const problem = error instanceof UserFacingError ? error.problem : String(error);
    const fix = error instanceof UserFacingError ? error.fix : undefined;
    results.push(
      result(
        "config content",
        "fail",
        `${problem} (checks that need the config were skipped)`,
        fix,
      ),
    );
    return { results };
  }
}

function safely<T>(check: () => T): T | { problem: string; fix: string } {
  try {
    return check();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return { problem: `cannot be checked (${code})`, fix: "run spoor doctor as root" };
  }
}
