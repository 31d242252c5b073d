import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "spoor-plugins-"));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe("spoor plugins install", () => {
  it("refuses without --trust, saying what would run, and installs nothing", async () => {
    const env = { HOME: home, XDG_DATA_HOME: join(home, "data") };
    for (const command of ["install", "add"]) {
      expect(await runCli(["plugins", command, "some-npm-package"], { env })).toEqual({
        code: 1,
        stdout: "",
        stderr:
          "Error: some-npm-package was not installed: a plugin is code from npm that would run inside every spoor command as root, with access to spoor's configuration and API secret.\n" +
          "Fix: check what the package is and who publishes it, then: spoor plugins install --trust some-npm-package\n",
      });
    }
    expect(await readdir(home)).toEqual([]);
  });

  it("documents --trust in its help", async () => {
    const help = await runCli(["plugins", "install", "--help"]);
    expect(help.stdout).toMatch(/--trust +install it: you have checked the package/);
  });
});
