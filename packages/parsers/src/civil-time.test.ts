import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysFromCivil, daysInMonth, unixSeconds } from "./civil-time.js";

describe("civil time arithmetic", () => {
  it("agrees with Date.UTC for any valid date, time and offset", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("0001-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (date, offset) => {
          const seconds = unixSeconds(
            date.getUTCFullYear(),
            date.getUTCMonth() + 1,
            date.getUTCDate(),
            date.getUTCHours(),
            date.getUTCMinutes(),
            date.getUTCSeconds(),
            offset,
          );
          expect(seconds).toBe(Math.floor(date.getTime() / 1000) - offset * 60);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("knows month lengths and leap years", () => {
    expect([2019, 2020, 1900, 2000].map((year) => daysInMonth(year, 2))).toStrictEqual([
      28, 29, 28, 29,
    ]);
    expect([1, 4, 6, 9, 11, 12].map((month) => daysInMonth(2021, month))).toStrictEqual([
      31, 30, 30, 30, 30, 31,
    ]);
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
  });

  it("refuses impossible fields", () => {
    for (const fields of [
      [2019, 13, 1, 0, 0, 0],
      [2019, 0, 1, 0, 0, 0],
      [2019, 2, 29, 0, 0, 0],
      [2019, 4, 31, 0, 0, 0],
      [2019, 1, 0, 0, 0, 0],
      [2019, 1, 1, 24, 0, 0],
      [2019, 1, 1, 0, 60, 0],
      [2019, 1, 1, 0, 0, 60],
    ]) {
      const [year, month, day, hour, minute, second] = fields as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      expect(unixSeconds(year, month, day, hour, minute, second, 0)).toBeUndefined();
    }
  });
});
