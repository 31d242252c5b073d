import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";

/**
 * Writes a reproducible `.tar.gz` of `members` (paths relative to `parent`, stored in the
 * order given; a directory with everything in it, names sorted): owner and group 0, every
 * mtime `epoch`, GNU format (no pax atime/ctime headers), and gzip without a name or timestamp
 * (`gzip -n`).
 * @param {{ parent: string, members: readonly string[], epoch: number, output: string }} options
 * @returns {Promise<void>}
 * @throws Error when tar or gzip fails.
 */
export function makeTarball(options) {
  const tarArgs = [
    "--create",
    "--format=gnu",
    "--sort=name",
    "--owner=0",
    "--group=0",
    "--numeric-owner",
    `--mtime=@${options.epoch}`,
    "-C",
    options.parent,
    "--",
    ...options.members,
  ];
  return new Promise((resolve, reject) => {
    const tar = spawn("tar", tarArgs, { stdio: ["ignore", "pipe", "inherit"] });
    const gzip = spawn("gzip", ["-n", "-6"], { stdio: ["pipe", "pipe", "inherit"] });
    const out = createWriteStream(options.output);
    tar.stdout.pipe(gzip.stdin);
    gzip.stdout.pipe(out);
    let pending = 3;
    const failed = (what) => (code) => {
      if (code !== 0) reject(new Error(`${what} exited with ${code} writing ${options.output}`));
      else if (--pending === 0) resolve();
    };
    tar.on("error", reject).on("close", failed("tar"));
    gzip.on("error", reject).on("close", failed("gzip"));
    out.on("error", reject).on("close", () => failed("write")(0));
  });
}
