import { describe, expect, it } from "vitest";
import type { AlertQuery } from "./alerts-url.js";
import { alertsUrl } from "./alerts-url.js";

describe("alertsUrl", () => {
  it("encodes values RFC 3986 style, parameters in a fixed order", () => {
    expect(
      alertsUrl("https://s.example/base", {
        beforeId: 9,
        mailbox: "jörg+x@exämple.test",
        host: "cp 1",
        state: "false_positive",
      }),
    ).toBe(
      "https://s.example/base/api/alerts?alerts%5Bstate%5D=false_positive&alerts%5Bhost%5D=cp%201&alerts%5Bmailbox_address%5D=j%C3%B6rg%2Bx%40ex%C3%A4mple.test&before_id=9",
    );
  });

  it.each([
    [{ minSeverity: "critical" }, 'unknown severity "critical"'],
    [{ state: "closed" }, 'unknown alert state "closed"'],
    [{ limit: 0 }, "the limit must be a whole number from 1 to 1000"],
    [{ limit: 1001 }, "the limit must be a whole number from 1 to 1000"],
    [{ limit: 2.5 }, "the limit must be a whole number from 1 to 1000"],
    [{ beforeId: 0 }, "before_id must be a positive whole number"],
  ])("refuses %j", (query, message) => {
    expect(() => alertsUrl("http://h", query as AlertQuery)).toThrow(new RangeError(message));
  });
});
