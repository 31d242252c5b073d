import { chmod, chown, mkdir, readdir, stat, symlink, writeFile } from "node:fs/promises";
import { describeError, UserFacingError } from "@spoor/errors";
import { thrownBy } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempSpoolPaths } from "../test/temp-spool.js";
import { createFileSpool } from "./file-spool.js";
import { SpoolPermissionError } from "./spool-permission-error.js";
import type { SpoolPaths } from "./spool-types.js";
import { sampleEntry } from "./test/index.js";

const uid = process.geteuid!();
let paths: SpoolPaths;
let root: string;
let cleanup: () => Promise<void>;
let previousUmask: number;

beforeEach(async () => {
  ({ paths, root, cleanup } = await makeTempSpoolPaths());
  previousUmask = process.umask();
});
afterEach(async () => {
  process.umask(previousUmask);
  await cleanup();
});

function refusal(): SpoolPermissionError {
  return thrownBy(() => createFileSpool({ paths }), SpoolPermissionError);
}

describe("createFileSpool directories", () => {
  it("creates missing directories with mode 0700, even under a narrowing umask", async () => {
    process.umask(0o277);
    createFileSpool({ paths });
    const modes = await Promise.all(
      Object.values(paths).map(async (path) => (await stat(path)).mode & 0o7777),
    );
    expect(modes).toEqual([0o700, 0o700, 0o700, 0o700]);
  });

  it("writes files with mode 0600 whatever the umask, and leaves no temp file", async () => {
    const spool = createFileSpool({ paths });
    for (const umask of [0, 0o022, 0o277]) {
      process.umask(umask);
      const [file] = await spool.write([sampleEntry(`umask${umask}`)]);
      expect((await stat(file!.path)).mode & 0o7777).toBe(0o600);
    }
    expect((await readdir(paths.parsed)).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("refuses a symlinked spool directory", async () => {
    await mkdir(`${root}/elsewhere`, { mode: 0o700 });
    await mkdir(`${root}/spool`, { mode: 0o700 });
    await symlink(`${root}/elsewhere`, paths.parsed);
    const error = refusal();
    expect([error.path, error.message]).toEqual([
      paths.parsed,
      `${paths.parsed} is a symbolic link; expected a directory (links are refused). Fix: rm ${paths.parsed} && mkdir -m 0700 ${paths.parsed}`,
    ]);
  });

  it("refuses a foreign-owned spool directory", async () => {
    await mkdir(paths.transmitted, { recursive: true, mode: 0o700 });
    await chown(paths.transmitted, 12345, 0);
    expect(refusal().message).toBe(
      `${paths.transmitted} is owned by uid 12345; expected uid ${uid} (the user spoor runs as). Fix: chown ${uid} ${paths.transmitted}`,
    );
  });

  it("refuses a spool directory whose mode is not exactly 0700", async () => {
    await mkdir(paths.failed, { recursive: true });
    for (const mode of [0o750, 0o500, 0o2700]) {
      await chmod(paths.failed, mode);
      const error = refusal();
      const found = mode.toString(8).padStart(4, "0");
      expect([error.problem, error.fix]).toEqual([
        `${paths.failed} has mode ${found}; expected 0700.`,
        `chmod 0700 ${paths.failed}`,
      ]);
    }
  });

  it("refuses a file where a spool directory should be", async () => {
    await mkdir(`${root}/spool`, { mode: 0o700 });
    await writeFile(paths.quarantine, "");
    const error = refusal();
    expect([error.problem, error.fix]).toEqual([
      `${paths.quarantine} is not a directory; expected a directory.`,
      `mv ${paths.quarantine} ${paths.quarantine}.bak && mkdir -m 0700 ${paths.quarantine}`,
    ]);
  });

  it("is a user-facing error, sorted as one by @spoor/errors", async () => {
    await mkdir(paths.failed, { recursive: true });
    await chmod(paths.failed, 0o755);
    const error = refusal();
    expect(error).toBeInstanceOf(UserFacingError);
    expect(describeError(error)).toMatchObject({
      kind: "user",
      text: `Error: ${paths.failed} has mode 0755; expected 0700.\nFix: chmod 0700 ${paths.failed}\n`,
    });
  });
});
