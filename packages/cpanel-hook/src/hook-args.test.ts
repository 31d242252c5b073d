import { describe, expect, it } from "vitest";
import { parseHookArgs } from "./hook-args.js";
import { buildHookCommand } from "./hook-command.js";
import { HookPathError } from "./hook-path-error.js";
import { HookUsageError } from "./hook-usage-error.js";

describe("parseHookArgs", () => {
  it.each([
    [[], { describe: false, all: false }],
    [["--config", "/etc/x.yml"], { describe: false, all: false, configPath: "/etc/x.yml" }],
    [
      ["--config=/etc/x.yml", "--describe"],
      { describe: true, all: false, configPath: "/etc/x.yml" },
    ],
    [["--describe", "--all", "--hook-path", "/h"], { describe: true, all: true, hookPath: "/h" }],
  ])("%j", (argv, expected) => {
    expect(parseHookArgs(argv)).toEqual(expected);
  });

  it.each([
    [["-x"]],
    [["--config"]],
    [["--config="]],
    [["--all"]],
    [["--all=1", "--describe"]],
    [["x"]],
  ])("refuses %j", (argv) => {
    expect(() => parseHookArgs(argv)).toThrow(HookUsageError);
  });
});

describe("buildHookCommand", () => {
  it("is the path alone, or the path and --config", () => {
    expect(buildHookCommand("/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook")).toBe(
      "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook",
    );
    expect(buildHookCommand("/opt/h", "/etc/spoor/alt.yml")).toBe(
      "/opt/h --config /etc/spoor/alt.yml",
    );
  });

  it.each([
    ["/opt/my hook", undefined],
    ["/opt/h", "/etc/my spoor.yml"],
    ["/opt/h\u0000", undefined],
    ["/opt/h$(id)", undefined],
    ["hook", undefined],
    ["/opt/h", "spoor.yml"],
  ])("refuses %j with config %j", (path, config) => {
    expect(() => buildHookCommand(path, config)).toThrow(HookPathError);
  });
});
