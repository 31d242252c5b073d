import { describe, expect, it } from "vitest";
import { cleanText } from "./clean-text.js";

describe("cleanText", () => {
  it("replaces controls, line breaks and direction overrides, and cuts long text", () => {
    expect(cleanText("a\r\nb\u0000c\u001b[31md\u2028e\u202ef\u0085g")).toBe(
      "a\uFFFD\uFFFDb\uFFFDc\uFFFD[31md\uFFFDe\uFFFDf\uFFFDg",
    );
    expect(cleanText("abcdef", 4)).toBe("abc…");
    expect(cleanText(42)).toBe("42");
    expect(cleanText(undefined)).toBe("");
  });
});
