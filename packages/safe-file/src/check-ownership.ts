import { lstatSync, type Stats } from "node:fs";
import { shellQuote } from "@spoor/errors";
import { formatMode } from "./format-mode.js";
import type { PermissionProblem, PermissionProblemKind } from "./permission-problem.js";
import { sharedDirectoryReason } from "./shared-directory.js";

/** What a path must be: its kind, its exact mode, and its owner (default: the effective uid). */
export interface OwnershipExpectation {
  mode: number;
  uid?: number;
  kind: "file" | "directory";
}

/**
 * Checks that `path` is (itself, not through a symbolic link) a file or directory owned by
 * the expected uid with exactly the expected mode, as the original's security checks did.
 * The fix never changes the owner or mode of a directory spoor did not create (`/`, `/tmp`,
 * `/etc`, a home directory: it says to move spoor's files instead), and never suggests a
 * `chown` to a user other than root (which only root could run: it says to run as root).
 *
 * @returns undefined when it is, else the problem with the command that fixes it.
 * @throws only on unexpected filesystem errors (EACCES on a parent, EIO…), never for a
 *   missing path.
 */
export function checkOwnership(
  path: string,
  expected: OwnershipExpectation,
): PermissionProblem | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const [quoted, wanted] = [shellQuote(path), formatMode(expected.mode)];
    const fix =
      expected.kind === "directory"
        ? `mkdir -m ${wanted} ${quoted}`
        : `create ${quoted} with mode ${wanted}`;
    return problem(
      path,
      ["missing"],
      "nothing",
      kindNameOf(expected),
      `${path} does not exist.`,
      fix,
    );
  }
  return checkStats(path, stats, expected);
}

/**
 * Checks already-obtained stats (from lstat, or fstat of an opened descriptor) against an
 * expectation, as {@link checkOwnership} does. Never throws.
 */
export function checkStats(
  path: string,
  stats: Stats,
  expected: OwnershipExpectation,
): PermissionProblem | undefined {
  const uid = expected.uid ?? process.geteuid?.() ?? 0;
  const kindName = kindNameOf(expected);
  const quoted = shellQuote(path);
  const wanted = formatMode(expected.mode);
  if (stats.isSymbolicLink()) {
    // A file is copied over its link; a directory's link is replaced by an empty directory
    // (whatever the link pointed at stays where it is).
    const fix =
      expected.kind === "file"
        ? `cp -a --remove-destination "$(readlink -f ${quoted})" ${quoted}`
        : `rm ${quoted} && mkdir -m ${wanted} ${quoted}`;
    const text = `${path} is a symbolic link; expected ${kindName} (links are refused).`;
    return problem(path, ["symlink"], "a symbolic link", kindName, text, fix);
  }
  const isRightType = expected.kind === "file" ? stats.isFile() : stats.isDirectory();
  if (!isRightType) {
    const found = stats.isDirectory() ? "a directory" : "not a directory";
    return problem(
      path,
      ["wrong-type"],
      found,
      kindName,
      `${path} is ${found}; expected ${kindName}.`,
      expected.kind === "file"
        ? `move ${quoted} away and create ${kindName} with mode ${wanted} there`
        : `mv ${quoted} ${shellQuote(`${path}.bak`)} && mkdir -m ${wanted} ${quoted}`,
    );
  }
  const found = ownerAndModeProblem(path, stats, uid, expected.mode);
  if (found === undefined) return undefined;
  const shared = expected.kind === "directory" ? sharedDirectoryReason(path, stats) : undefined;
  if (shared !== undefined) {
    found.fix = `leave ${quoted} as it is (${shared}, not spoor's); keep spoor's files in a directory of their own instead (mode ${formatMode(expected.mode)}, owned by the user spoor runs as, like /etc/spoor)`;
  } else if (found.kinds.includes("owner") && uid !== 0) {
    found.fix =
      stats.uid === 0
        ? `run spoor as root (e.g. with sudo): ${path} belongs to root`
        : `run spoor as uid ${stats.uid} (the owner of ${path}) or as root`;
  }
  return found;
}

function ownerAndModeProblem(
  path: string,
  stats: Stats,
  uid: number,
  mode: number,
): PermissionProblem | undefined {
  const quoted = shellQuote(path);
  const wrongOwner = stats.uid !== uid;
  const wrongMode = (stats.mode & 0o7777) !== mode;
  const found = formatMode(stats.mode);
  const wanted = formatMode(mode);
  if (wrongOwner && wrongMode) {
    return problem(
      path,
      ["owner", "mode"],
      `owner uid ${stats.uid}, mode ${found}`,
      `owner uid ${uid}, mode ${wanted}`,
      `${path} is owned by uid ${stats.uid} and has mode ${found}; expected uid ${uid} (the user spoor runs as) and mode ${wanted}.`,
      `chown ${uid} ${quoted} && chmod ${wanted} ${quoted}`,
    );
  }
  if (wrongOwner) {
    return problem(
      path,
      ["owner"],
      `owner uid ${stats.uid}`,
      `owner uid ${uid}`,
      `${path} is owned by uid ${stats.uid}; expected uid ${uid} (the user spoor runs as).`,
      `chown ${uid} ${quoted}`,
    );
  }
  if (wrongMode) {
    return problem(
      path,
      ["mode"],
      `mode ${found}`,
      `mode ${wanted}`,
      `${path} has mode ${found}; expected ${wanted}.`,
      `chmod ${wanted} ${quoted}`,
    );
  }
  return undefined;
}

function kindNameOf(expected: OwnershipExpectation): string {
  return expected.kind === "file" ? "a regular file" : "a directory";
}

function problem(
  path: string,
  kinds: PermissionProblemKind[],
  found: string,
  expected: string,
  text: string,
  fix: string,
): PermissionProblem {
  return { path, kinds, found, expected, problem: text, fix };
}
