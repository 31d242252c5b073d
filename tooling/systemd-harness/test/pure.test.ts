import { describe, expect, it } from "vitest";
import { checkBootOptions } from "../src/check-boot-options.js";
import { parseShow } from "../src/index.js";

describe("parseShow", () => {
  it("maps Key=value lines, keeping = inside values", () => {
    expect(parseShow("Result=success\nExecStart={ path=/x ; argv[]=/x a=b }\n\n")).toEqual({
      Result: "success",
      ExecStart: "{ path=/x ; argv[]=/x a=b }",
    });
  });
});

describe("checkBootOptions", () => {
  it("accepts a hostname, unit names and absolute paths", () => {
    expect(() =>
      checkBootOptions("ok-1", ["a.service", "getty@tty1.service"], ["/usr/bin/node"]),
    ).not.toThrow();
  });
  it.each([
    ["name", () => checkBootOptions("bad name", [], [])],
    ["mask with a slash", () => checkBootOptions("x", ["../etc.service"], [])],
    ["root itself", () => checkBootOptions("x", [], ["/"])],
    ["a .. component", () => checkBootOptions("x", [], ["/usr/../etc"])],
    ["a trailing slash", () => checkBootOptions("x", [], ["/usr/bin/"])],
    ["a newline", () => checkBootOptions("x", [], ["/a\nb"])],
  ])("refuses %s", (_what, call) => {
    expect(call).toThrow(TypeError);
  });
});
