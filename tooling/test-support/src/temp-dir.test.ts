import { existsSync, statSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDirEach } from "./temp-dir.js";

describe("tempDirEach", () => {
  const temp = tempDirEach("spoor-temp-each-", { beforeEach, afterEach });
  const seen: string[] = [];

  it("gives the test a fresh 0700 directory", () => {
    expect(statSync(temp.path).mode & 0o777).toBe(0o700);
    seen.push(temp.path);
  });

  it("removes it after the test and gives the next one another", () => {
    expect(existsSync(seen[0]!)).toBe(false);
    expect(temp.path).not.toBe(seen[0]);
    expect(existsSync(temp.path)).toBe(true);
  });
});

describe("tempDirEach outside a test", () => {
  it("refuses to name a directory", () => {
    const idle = tempDirEach("spoor-temp-idle-", { beforeEach: () => {}, afterEach: () => {} });
    expect(() => idle.path).toThrow("no spoor-temp-idle- directory outside a test");
  });
});
