import { describe, expect, it } from "vitest";
import { formatListingTable } from "./format-listing-table.js";

describe("formatListingTable", () => {
  it("aligns the columns and adds REASON only when a file has one (control characters escaped)", () => {
    expect(
      formatListingTable([
        {
          name: "login.1537372956.0000001.json",
          type: "login",
          unixSeconds: 1537372956,
          size: 230,
          reason: "HTTP 422",
        },
        { name: "odd\nname", size: 3, reason: "bad-name\u001b[31m" },
      ]),
    ).toBe(
      [
        "NAME                           TYPE   TIME                       SIZE  REASON",
        "login.1537372956.0000001.json  login  2018-09-19 16:02:36 +0000  230   HTTP 422",
        "odd\\u{a}name                   -      -                          3     bad-name\\u{1b}[31m",
        "",
      ].join("\n"),
    );
  });

  it("says (empty) for an empty directory", () => {
    expect(formatListingTable([])).toBe("NAME  TYPE  TIME  SIZE\n(empty)\n");
  });
});
