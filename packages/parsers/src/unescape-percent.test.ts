import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unescapePercent } from "./unescape-percent.js";

describe("unescapePercent", () => {
  it("decodes %XX to bytes and reads them as UTF-8, keeping + and malformed %", () => {
    expect(unescapePercent("rorymckinley%40blah.capefox.co")).toBe("rorymckinley@blah.capefox.co");
    expect(unescapePercent("rorymckinley%2bcpanel%40gmail.com")).toBe(
      "rorymckinley+cpanel@gmail.com",
    );
    expect(unescapePercent("jos%C3%A9+x")).toBe("josé+x");
    expect(unescapePercent("100%")).toBe("100%");
    expect(unescapePercent("%4")).toBe("%4");
    expect(unescapePercent("%zz%4g%%41")).toBe("%zz%4g%A");
    expect(unescapePercent("%FF%fe")).toBe("\ufffd\ufffd");
    expect(unescapePercent("é%20ü")).toBe("é ü");
  });

  it("inverts encodeURIComponent and leaves text without % alone", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(unescapePercent(encodeURIComponent(text))).toBe(text);
        if (!text.includes("%")) expect(unescapePercent(text)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
