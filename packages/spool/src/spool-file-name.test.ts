import { describe, expect, it } from "vitest";
import {
  compareSpooledFiles,
  nextSuffix,
  parseSpoolFileName,
  suffixForId,
  unixSecondsFor,
} from "./spool-file-name.js";

describe("parseSpoolFileName", () => {
  it("accepts the original's pattern plus session and hook", () => {
    expect(
      [
        "access.1.2.json",
        "login.1555588110.1234567.json",
        "session.5.1000000.json",
        "hook.9.7.json",
      ].map(parseSpoolFileName),
    ).toEqual([
      { type: "access", unixSeconds: 1, suffix: "2" },
      { type: "login", unixSeconds: 1555588110, suffix: "1234567" },
      { type: "session", unixSeconds: 5, suffix: "1000000" },
      { type: "hook", unixSeconds: 9, suffix: "7" },
    ]);
  });

  it("ignores every name the original ignored, and temp files", () => {
    const names = [
      "foo.1.2.json",
      "login.a.4.json",
      "error.5.b.json",
      "error5.6.json",
      "error.56.json",
      "error.5.6json",
      "error.5.6.foo",
      ".tmp-0123abcd",
      "login.1.2.json.reason",
      "xlogin.1.2.json",
    ];
    expect(names.map(parseSpoolFileName)).toEqual(names.map(() => undefined));
  });
});

describe("suffixes", () => {
  it("derives 7 digits from a hex id's prefix, or from the hash of any other id", () => {
    expect(suffixForId("000000000000ffff")).toBe(1000000);
    expect(suffixForId("00000000000affff")).toBe(1000010);
    const other = suffixForId("not hex at all");
    expect(other).toBeGreaterThanOrEqual(1000000);
    expect(other).toBeLessThanOrEqual(1999999);
    expect(suffixForId("not hex at all")).toBe(other);
  });

  it("wraps the next suffix within 1000000–1999999", () => {
    expect([nextSuffix(1000000), nextSuffix(1999999)]).toEqual([1000001, 1000000]);
  });
});

describe("unixSecondsFor", () => {
  it("takes a sane integer log_time, else the clock's second", () => {
    const now = 1_700_000_000_999;
    expect(
      [1555588110, 0, -1, 2.5, 1e11, "1555588110", undefined, Number.NaN].map((log_time) =>
        unixSecondsFor({ log_time }, now),
      ),
    ).toEqual([
      1555588110, 1700000000, 1700000000, 1700000000, 1700000000, 1700000000, 1700000000,
      1700000000,
    ]);
  });
});

describe("compareSpooledFiles", () => {
  it("orders by unix seconds, then by name", () => {
    const files = [
      { unixSeconds: 20, name: "a" },
      { unixSeconds: 3, name: "z" },
      { unixSeconds: 3, name: "b" },
    ];
    expect([...files].sort(compareSpooledFiles)).toEqual([files[2], files[1], files[0]]);
  });
});
