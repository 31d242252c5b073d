import { describe, expect, it } from "vitest";
import { parseRetryAfter, RETRY_AFTER_CAP_MS } from "./parse-retry-after.js";

const NOW = Date.parse("2024-08-16T17:40:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120_000],
    ["0", 0],
    [" 7 ", 7_000],
    ["Fri, 16 Aug 2024 17:40:30 GMT", 30_000],
    ["Friday, 16-Aug-24 17:41:00 GMT", 60_000],
    ["Fri Aug 16 17:40:05 2024", 5_000],
    ["Fri Aug 16 17:40:05 2024 +0200", undefined],
    ["Thu, 15 Aug 2024 17:40:00 GMT", 0],
    ["3601", RETRY_AFTER_CAP_MS],
    ["99999999999999999999999", RETRY_AFTER_CAP_MS],
    ["Fri, 16 Aug 2030 17:40:00 GMT", RETRY_AFTER_CAP_MS],
    ["-5", undefined],
    ["1.5", undefined],
    ["soon", undefined],
    ["", undefined],
    ["Fri, 99 Foo 2024 99:99:99 GMT", undefined],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it("returns undefined without a header", () => {
    expect([parseRetryAfter(null, NOW), parseRetryAfter(undefined, NOW)]).toStrictEqual([
      undefined,
      undefined,
    ]);
  });

  it("caps at one hour", () => {
    expect(RETRY_AFTER_CAP_MS).toBe(3_600_000);
  });
});
