import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NOBODY } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

let directory: string;
let root: string;

/** A sandbox root installed by root, inside a directory every user may traverse. */
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-non-root-"));
  await chmod(directory, 0o755);
  root = join(directory, "root");
  const install = await runCli(
    [
      "install",
      "--non-interactive",
      "--root",
      root,
      "--api-identifier",
      "id",
      "--api-secret-stdin",
      "--api-host",
      "http://127.0.0.1:9",
    ],
    { input: "secret" },
  );
  expect(install.code).toBe(0);
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Runs the CLI as nobody, with a home of its own (oclif reads its data directory there). */
function runAsNobody(args: string[], input = "") {
  return runCli(args, {
    user: NOBODY,
    env: { HOME: directory, XDG_DATA_HOME: directory },
    input,
  });
}

describe("as a user other than root", () => {
  it("doctor says to run as root instead of handing root's config directory to that user", async () => {
    const result = await runAsNobody(["doctor", "--root", root, "--skip-api"]);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/chown|chmod/);
    const lines = result.stdout.split("\n");
    const index = lines.findIndex((line) => line.startsWith("fail  config directory"));
    expect(lines.slice(index, index + 2).map((line) => line.trim())).toEqual([
      `fail  config directory  ${root}/etc/spoor is owned by uid 0; expected uid 65534 (the user spoor runs as).`,
      `fix: run spoor as root (e.g. with sudo): ${root}/etc/spoor belongs to root`,
    ]);
  });
});

describe("permission errors are user-fixable: one line, the path, the fix", () => {
  it("spoor install as a user other than root", async () => {
    const target = join(directory, "elsewhere");
    const result = await runAsNobody(
      [
        "install",
        "--non-interactive",
        "--root",
        target,
        "--api-identifier",
        "id",
        "--api-secret-stdin",
      ],
      "secret",
    );
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `Error: permission denied: ${target} (mkdir), EACCES.\nFix: run it as root (e.g. with sudo), or pass --root DIR to use a directory you own\n`,
    });
  });
});

describe("a config kept in a directory spoor did not create", () => {
  it("says to move the file, never to chmod /tmp", async () => {
    const path = join(tmpdir(), `${directory.split("/").at(-1)}.yml`);
    await writeFile(
      path,
      "transmission:\n  credentials: { api_identifier: i, api_secret: s }\n  host: http://127.0.0.1:9\n",
      { mode: 0o600 },
    );
    try {
      const result = await runCli(["transmit", "--once", "--config", path, "--root", root]);
      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr: `Error: /tmp has mode 1777; expected 0700.\nFix: leave /tmp as it is and move the config into a directory of its own: mkdir -m 0700 ${root}/etc/spoor && mv ${path} ${root}/etc/spoor/spoor.yml (then pass --config ${root}/etc/spoor/spoor.yml, or nothing: it is the default)\n`,
      });
    } finally {
      await rm(path, { force: true });
    }
  });
});
