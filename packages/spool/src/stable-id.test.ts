import { describe, expect, it } from "vitest";
import { stableId } from "./stable-id.js";

const LINE = Buffer.from(
  "[2018-09-19 16:02:36 +0000] info [webmaild] 10.10.10.10 - a@b.c - SUCCESS LOGIN webmaild",
);

describe("stableId", () => {
  it("is pinned: the same parts give the same id in every release", () => {
    expect(stableId("login", 2049, 1234567, 4096, LINE)).toBe("ff5cbc323fedc1f27e22d0a3df01b587");
    expect(stableId("login", 2049, 1234567, 4096, Buffer.from(LINE))).toBe(
      "ff5cbc323fedc1f27e22d0a3df01b587",
    );
  });

  it("separates parts by length and kind", () => {
    const ids = [
      stableId("ab", "c"),
      stableId("a", "bc"),
      stableId("abc"),
      stableId("1"),
      stableId(1),
      stableId(Buffer.from("1")),
      stableId("login", 2049, 1234567, 4097, LINE),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
