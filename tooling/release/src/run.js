import { execFile, execFileSync } from "node:child_process";

/**
 * Runs a command to completion and returns its stdout. Its stderr is inherited, or with
 * `quiet` captured and put, last 4 KiB, into the error when the command fails.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, input?: string, quiet?: boolean }} [options]
 * @returns {string}
 * @throws Error when the command cannot start or exits non-zero.
 */
export function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      input: options.input,
      encoding: "utf8",
      stdio: ["pipe", "pipe", options.quiet ? "pipe" : "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    if (!options.quiet) throw error;
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.slice(-4096);
    throw new Error(`${command} ${args.join(" ")} failed:\n${output}`, { cause: error });
  }
}

/**
 * {@link run} without blocking: resolves with stdout when the command exits 0. stderr is
 * captured and put, last 4 KiB, into the error when it fails.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<string>}
 * @throws Error (rejects) when the command cannot start or exits non-zero.
 */
export function runAsync(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) resolve(stdout);
        else {
          const output = `${stdout}${stderr}`.slice(-4096);
          reject(new Error(`${command} ${args.join(" ")} failed:\n${output}`, { cause: error }));
        }
      },
    );
  });
}

/**
 * Runs `jobs` at most `limit` at a time; resolves when all are done.
 * @param {ReadonlyArray<() => Promise<unknown>>} jobs
 * @param {number} limit
 * @returns {Promise<void>}
 * @throws the first job's error (rejects) once the jobs running have ended.
 */
export async function runLimited(jobs, limit) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await job?.();
    }
  };
  const results = await Promise.allSettled(Array.from({ length: limit }, worker));
  const failed = results.find((result) => result.status === "rejected");
  if (failed !== undefined) throw failed.reason;
}
