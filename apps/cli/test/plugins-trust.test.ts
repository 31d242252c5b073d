import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { tempDirEach } from "@spoor/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";

const temp = tempDirEach("spoor-plugins-", { beforeEach, afterEach });

describe("spoor plugins install", () => {
  it("refuses without --trust, saying what would run, and installs nothing", async () => {
    const env = { HOME: temp.path, XDG_DATA_HOME: join(temp.path, "data") };
    for (const command of ["install", "add"]) {
      expect(await runCli(["plugins", command, "some-npm-package"], { env })).toEqual({
        code: 1,
        stdout: "",
        stderr:
          "Error: some-npm-package was not installed: a plugin is code from npm that would run inside every spoor command as root, with access to spoor's configuration and API secret.\n" +
          "Fix: check what the package is and who publishes it, then: spoor plugins install --trust some-npm-package\n",
      });
    }
    expect(await readdir(temp.path)).toEqual([]);
  });

  it("documents --trust in its help", async () => {
    const help = await runCli(["plugins", "install", "--help"]);
    expect(help.stdout).toMatch(/--trust +install it: you have checked the package/);
  });
});
