import { describe, expect, it } from "vitest";
import { retimeLine, slices, splitLines } from "./demo-replay.js";

const NOW = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

describe("retimeLine", () => {
  it("rewrites access_log's timestamp, keeping every other byte", () => {
    const line = Buffer.from(
      '192.0.2.1 proxy - [08/16/2024:17:40:57 -0000] "GET /\xe9 HTTP/1.1" 301 0\n',
      "latin1",
    );
    expect(retimeLine("access", line, NOW).toString("latin1")).toBe(
      '192.0.2.1 proxy - [01/02/2026:03:04:05 -0000] "GET /\xe9 HTTP/1.1" 301 0\n',
    );
  });

  it("rewrites the logger timestamp of login, session and error lines only at the start", () => {
    const line = Buffer.from(
      "[2024-08-16 17:31:06 +0000] info [updatenow] at [2024-08-16 17:31:06 +0000]\n",
    );
    expect(retimeLine("error", line, NOW).toString()).toBe(
      "[2026-01-02 03:04:05 +0000] info [updatenow] at [2024-08-16 17:31:06 +0000]\n",
    );
    expect(retimeLine("error", Buffer.from("  continuation\n"), NOW).toString()).toBe(
      "  continuation\n",
    );
  });
});

describe("splitLines and slices", () => {
  it("keeps each newline, adds a missing last one, and slices evenly", () => {
    expect(splitLines(Buffer.from("a\n\nb")).map(String)).toEqual(["a\n", "\n", "b\n"]);
    expect(slices([1, 2, 3, 4, 5], 3)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
