import { run } from "./run.js";

/**
 * The timestamp every artifact carries: `SOURCE_DATE_EPOCH` when set, else the commit time of
 * HEAD in `repoRoot`, so the same commit always yields the same bytes.
 * @param {string} repoRoot
 * @returns {number} seconds since the epoch
 * @throws Error when neither is available (not a git checkout and no SOURCE_DATE_EPOCH).
 */
export function sourceDateEpoch(repoRoot) {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  const fromGit = run("git", ["log", "-1", "--format=%ct"], { cwd: repoRoot }).trim();
  if (!/^\d+$/.test(fromGit)) throw new Error(`cannot read the commit time in ${repoRoot}`);
  return Number(fromGit);
}
